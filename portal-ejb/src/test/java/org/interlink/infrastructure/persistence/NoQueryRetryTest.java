package org.interlink.infrastructure.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A read whose connection failed is answered at once, not run again while the database stalls. */
class NoQueryRetryTest {

    @Test
    void eclipseLinkRunsNoReadAgainAfterAFailedConnection() {
        DatabaseLogin login = new DatabaseLogin();
        assertThat(login.getQueryRetryAttemptCount()).as("EclipseLink's default").isEqualTo(3);

        new NoQueryRetry().customize(new Project(login).createDatabaseSession());

        assertThat(login.getQueryRetryAttemptCount()).isZero();
        assertThat(login.getDelayBetweenConnectionAttempts()).isZero();
    }

    @Test
    void thePersistenceUnitUsesIt() throws IOException {
        try (InputStream unit = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
            assertThat(new String(unit.readAllBytes(), StandardCharsets.UTF_8)).contains(
                    "<property name=\"eclipselink.session.customizer\" value=\"" + NoQueryRetry.class.getName() + "\"/>");
        }
    }
}
