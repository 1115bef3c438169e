package org.interlink.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The portal's configuration as environment variables, one per MicroProfile Config key listed in
 * the README's configuration table.
 */
public final class PortalSettings {

    private PortalSettings() {
    }

    /**
     * @param auditHeads the file the audit chain heads are exported to (kept with the database it
     *                   belongs to: a fresh database needs a fresh file)
     */
    public static Map<String, String> environment(PortalDatabase db, String realmUrl, String clientSecret, boolean demoData,
            Path auditHeads) {
        Map<String, String> env = new HashMap<>();
        env.put("INTERLINK_AUDIT_HEAD_EXPORT_FILE", auditHeads.toAbsolutePath().toString());
        // failed sign-ins show in the audit trail within seconds (default 30 s)
        env.put("INTERLINK_AUDIT_KEYCLOAK_EVENTS_SECONDS", "3");
        // refused API tokens beyond the first of an address are summed up within seconds (default 60 s)
        env.put("INTERLINK_API_REFUSAL_WINDOW_SECONDS", "3");
        env.put("INTERLINK_DB_DATASOURCE_CLASS", db.dataSourceClass());
        env.put("INTERLINK_DB_URL", db.url());
        env.put("INTERLINK_DB_USER", db.user());
        env.put("INTERLINK_DB_PASSWORD", db.password());
        if (db.migrationUser() != null) {
            env.put("INTERLINK_DB_MIGRATION_USER", db.migrationUser());
            env.put("INTERLINK_DB_MIGRATION_PASSWORD", db.migrationPassword());
        }
        env.put("INTERLINK_OIDC_PROVIDER_URI", realmUrl);
        env.put("INTERLINK_OIDC_CLIENT_ID", RealmDefinition.WEB_CLIENT);
        env.put("INTERLINK_OIDC_CLIENT_SECRET", clientSecret);
        env.put("INTERLINK_DEMO_DATA", Boolean.toString(demoData));
        return Map.copyOf(env);
    }
}
