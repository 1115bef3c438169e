package org.interlink.error.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code error/500.xhtml}: the time of the failure, which lets administrators find it in the logs. */
@Named
@RequestScoped
public class ServerErrorView {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String time = FORMAT.format(Instant.now());

    public String getTime() {
        return time;
    }
}
