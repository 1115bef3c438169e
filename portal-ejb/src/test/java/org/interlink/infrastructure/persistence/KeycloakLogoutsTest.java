package org.interlink.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.interlink.infrastructure.persistence.KeycloakLogouts.Logout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The logouts one node received, as every node reads them, on both databases the portal runs on. */
class KeycloakLogoutsTest {

    private static final Instant T = Instant.parse("2026-12-04T15:00:00Z");

    @TempDir
    Path h2Folder;

    @Test
    void onPostgreSql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            SchemaMigration.applyTo(postgres.getPostgresDatabase(), "postgres");
            readByEveryNode(postgres.getPostgresDatabase());
        }
    }

    @Test
    void onH2() {
        readByEveryNode(MigratedH2.in(h2Folder));
    }

    private static void readByEveryNode(DataSource dataSource) {
        KeycloakLogouts received = KeycloakLogouts.on(dataSource);
        KeycloakLogouts other = KeycloakLogouts.on(dataSource);
        Duration kept = Duration.ofHours(10);
        KeycloakLogouts.Read first = other.since(null, kept);
        assertThat(first.logouts()).isEmpty();

        Logout ofASession = new Logout("kc-1", "person-1", "jti-1", T);
        Logout ofAPerson = new Logout(null, "person-2", "jti-2", T.plusSeconds(5));
        received.record(ofASession);
        received.record(ofAPerson);
        received.record(new Logout("kc-1", "person-1", "jti-1", T.plusSeconds(60)));

        KeycloakLogouts.Read next = other.since(first.upTo(), kept);
        assertThat(next.logouts()).as("read by another node; a replayed token (the same jti) recorded once")
                .containsExactlyInAnyOrder(ofASession, ofAPerson);
        assertThat(next.upTo()).as("the database's time").isAfterOrEqualTo(first.upTo());
        assertThat(other.since(next.upTo().plusSeconds(1), kept).logouts()).as("nothing recorded since").isEmpty();
        assertThat(other.since(null, Duration.ZERO).logouts()).as("those kept no longer are deleted").isEmpty();
        assertThat(other.since(null, kept).logouts()).isEmpty();
    }
}
