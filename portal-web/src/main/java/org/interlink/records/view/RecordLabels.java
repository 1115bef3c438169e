package org.interlink.records.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.interlink.records.entity.RecordField;
import org.interlink.records.entity.RecordType;

import java.util.ResourceBundle;

/**
 * The names of record types and of their structured fields in the page's language: a field may have
 * a name of its own for a type ({@code recordField.REFERENCE_DATE.SOP}: "Effective date"), else its
 * general one ({@code recordField.REFERENCE_DATE}).
 */
@Named
@ApplicationScoped
public class RecordLabels {

    public String type(RecordType type) {
        return bundle().getString("recordType." + type.name());
    }

    public String field(RecordType type, String field) {
        ResourceBundle msg = bundle();
        String own = "recordField." + RecordField.valueOf(field).name() + "." + type.name();
        return msg.containsKey(own) ? msg.getString(own) : msg.getString("recordField." + field);
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
