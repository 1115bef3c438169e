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
 * (web.xml): the start of the SHA-256 of its content and of the Faces and OmniFaces versions (the handler versions
 * Mojarra's script too). A browser keeps a versioned resource for a year
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
            value = of(servletContext.getResourceAsStream(STYLE_SHEET), frameworks());
        }
        return value;
    }

    /**
     * The versions of the frameworks whose unversioned resources get this version too (Mojarra's {@code faces.js}): an
     * upgrade of the server changes the addresses, so no browser keeps an old script for a year.
     */
    static String frameworks() {
        return java.util.stream.Stream.of(jakarta.faces.context.FacesContext.class, org.omnifaces.util.Faces.class)
                .map(type -> String.valueOf(type.getPackage().getImplementationVersion()))
                .collect(java.util.stream.Collectors.joining(","));
    }

    static String of(InputStream content, String frameworks) {
        if (content == null) {
            throw new IllegalStateException("no " + STYLE_SHEET);
        }
        try (content) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(frameworks.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] digest = sha.digest(content.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
