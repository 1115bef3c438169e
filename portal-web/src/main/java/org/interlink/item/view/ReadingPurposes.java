package org.interlink.item.view;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The purposes a reader gave in this session, per item: a TLP:AMBER or RED item asks once per
 * session. Small and Serializable, so sessions replicate.
 */
@SessionScoped
public class ReadingPurposes implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Long, String> purposes = new HashMap<>();

    public Optional<String> of(long itemId) {
        return Optional.ofNullable(purposes.get(itemId));
    }

    public void give(long itemId, String purpose) {
        purposes.put(itemId, purpose);
    }
}
