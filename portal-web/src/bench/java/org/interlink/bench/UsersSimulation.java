package org.interlink.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Signed-in users of the portal each opening a page every {@code pace}: arrivals at a fixed rate (an open model), each
 * arrival one of the users (their session cookie, round robin) opening the shared list (40 %), the dashboard (20 %),
 * an item page (30 %) or a search (10 %). Every answer must be 200 and show what the page shows. Settings come as
 * system properties from {@link GatlingUsersLoad}.
 */
public class UsersSimulation extends Simulation {

    static final String PORTAL = "interlink.bench.gatling.portal";
    static final String USERS_FILE = "interlink.bench.gatling.users-file";
    static final String USERS = "interlink.bench.gatling.users";
    static final String PACE_MS = "interlink.bench.gatling.pace-ms";
    static final String LENGTH_S = "interlink.bench.gatling.length-s";

    public UsersSimulation() {
        int users = Integer.getInteger(USERS);
        double arrivalsPerSecond = users * 1000.0 / Long.getLong(PACE_MS);
        HttpProtocolBuilder portal = http.baseUrl(System.getProperty(PORTAL)).disableFollowRedirect().disableCaching()
                .shareConnections().acceptEncodingHeader("gzip").header("Cookie", "#{sessionCookie}");
        ScenarioBuilder open = scenario("signed-in users").feed(csv(System.getProperty(USERS_FILE)).circular()).randomSwitch().on(
                percent(40).then(exec(http("shared list").get("/items.xhtml?view=SHARED_WITH_MY_AGENCY")
                        .check(status().is(200), substring("il-item-link")))),
                percent(20).then(exec(http("dashboard").get("/").check(status().is(200), substring("il-chart")))),
                percent(30).then(exec(http("item page").get("#{itemPath}").check(status().is(200), substring("item-summary")))),
                percent(10).then(exec(http("search").get("/search.xhtml?q=benchmark+4242")
                        .check(status().is(200), substring("search-count")))));
        setUp(open.injectOpen(constantUsersPerSec(arrivalsPerSecond).during(Duration.ofSeconds(Long.getLong(LENGTH_S)))))
                .protocols(portal);
    }
}
