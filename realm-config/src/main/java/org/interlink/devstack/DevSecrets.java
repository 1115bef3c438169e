package org.interlink.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Secrets of a local stack (web client secret, demo system clients' secret, Keycloak admin
 * password, database password),
 * generated at the first start and kept in the stack's work folder so that later starts find the
 * Keycloak and H2 databases they created. Nothing secret is in the repository.
 */
public final class DevSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Properties values;

    private DevSecrets(Properties values) {
        this.values = values;
    }

    /** Fresh random secrets, for a stack that lives only as long as a test suite. */
    public static DevSecrets random() {
        Properties values = new Properties();
        values.setProperty("client-secret", token());
        values.setProperty("keycloak-admin-password", token());
        values.setProperty("db-password", token());
        values.setProperty("system-client-secret", token());
        return new DevSecrets(values);
    }

    /** The secrets stored in {@code file}, created there on first use. */
    public static DevSecrets loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties values = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    values.load(in);
                }
                if (values.getProperty("system-client-secret") == null) {
                    // a work folder from before the demo systems existed
                    values.setProperty("system-client-secret", token());
                    store(values, file);
                }
                return new DevSecrets(values);
            }
            DevSecrets created = random();
            Path folder = file.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            store(created.values, file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void store(Properties values, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            values.store(out, "dev-only secrets of the local Interlink stack");
        }
    }

    public String clientSecret() {
        return values.getProperty("client-secret");
    }

    /** Secret of every demo system client (client credentials grant). */
    public String systemClientSecret() {
        return values.getProperty("system-client-secret");
    }

    public String keycloakAdminPassword() {
        return values.getProperty("keycloak-admin-password");
    }

    public String databasePassword() {
        return values.getProperty("db-password");
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
