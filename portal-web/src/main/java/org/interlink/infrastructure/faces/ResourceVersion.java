package org.interlink.infrastructure.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of the portal's own style sheet, added to its address by OmniFaces' {@code VersionedResourceHandler}
 * (web.xml): the start of its content's SHA-256. A browser keeps a versioned resource for a year
 * ({@code com.sun.faces.defaultResourceMaxAge}); a changed style sheet has another address, so nobody is served a stale
 * one after an update, and an unchanged one stays cached across deployments.
 */
@ApplicationScoped
@Named("resourceVersion")
public class ResourceVersion {

    static final String STYLE_SHEET = "/resources/interlink/interlink.css";

    private String value;

    @Inject
    ServletContext servletContext;

    public String getValue() {
        if (value == null) {
            value = of(servletContext.getResourceAsStream(STYLE_SHEET));
        }
        return value;
    }

    static String of(InputStream content) {
        if (content == null) {
            throw new IllegalStateException("no " + STYLE_SHEET);
        }
        try (content) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
