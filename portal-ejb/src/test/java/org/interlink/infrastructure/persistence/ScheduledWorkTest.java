package org.interlink.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that must happen once in a cluster is claimed by one node per interval, on both databases the portal runs on
 * (PostgreSQL for a cluster, H2 for the run command's single node), also when the nodes claim at the same moment.
 */
class ScheduledWorkTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant T = Instant.parse("2026-12-04T13:07:00Z");

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path h2Folder;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        SchemaMigration.applyTo(postgres.getPostgresDatabase(), "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void oneNodePerIntervalOnPostgreSql() throws SQLException {
        oneNodePerInterval(postgres.getPostgresDatabase());
    }

    @Test
    void oneNodePerIntervalOnH2() throws SQLException {
        oneNodePerInterval(MigratedH2.in(h2Folder));
    }

    private static void oneNodePerInterval(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(ScheduledWork.claim(connection, "export", FIVE_MINUTES, "node1", T)).as("first run").isTrue();
            assertThat(ScheduledWork.claim(connection, "export", FIVE_MINUTES, "node2", T.plusSeconds(100)))
                    .as("the other node's timer, in the same interval").isFalse();
            assertThat(ScheduledWork.claim(connection, "import", FIVE_MINUTES, "node2", T.plusSeconds(100)))
                    .as("another work").isTrue();
            assertThat(ScheduledWork.claim(connection, "export", FIVE_MINUTES, "node1", T.plus(FIVE_MINUTES)))
                    .as("node1's next firing, a whole interval later").isTrue();
            assertThat(ScheduledWork.claim(connection, "export", FIVE_MINUTES, "node2", T.plus(FIVE_MINUTES).plusSeconds(100)))
                    .isFalse();
            // node1 dies: its next firing never comes, node2's next one finds the work due
            assertThat(
                    ScheduledWork.claim(connection, "export", FIVE_MINUTES, "node2", T.plus(FIVE_MINUTES.multipliedBy(2)).plusSeconds(100)))
                    .as("taken over by the node that lives").isTrue();
        }
    }

    @Test
    void nodesClaimingAtTheSameMomentOnPostgreSql() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 20; round++) {
                Instant at = T.plus(FIVE_MINUTES.multipliedBy(round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int node = 0; node < nodes; node++) {
                    String name = "node" + node;
                    Callable<Boolean> claim = () -> {
                        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                            start.await();
                            return ScheduledWork.claim(connection, "at once", FIVE_MINUTES, name, at);
                        }
                    };
                    claims.add(pool.submit(claim));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> claim : claims) {
                    won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("round " + round + ": claims won of " + nodes + " at once").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
