package org.interlink.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's open-model load: signed-in users each opening a page every so often, at a fixed rate whatever the
 * answers' time (a slow answer does not hold the next request back, as it does with wrk's connections). Provided by
 * the {@code -Pbench} build of portal-web (Gatling), found with {@link java.util.ServiceLoader}.
 */
public interface UsersLoad {

    /** One signed-in user: their session cookie and an item page they may read. */
    record User(String sessionCookie, String itemPath) {
    }

    /** Latency percentiles in ms over every request, how many were sent and how many failed. */
    record Figures(double p50, double p95, double p99, long requests, long errors) {
    }

    /**
     * Each of {@code users} opens a page every {@code pace} for {@code length}: the shared list, the dashboard, an item
     * page or a search.
     */
    Figures run(String portalUrl, List<User> users, Duration pace, Duration length, Path work) throws Exception;
}
