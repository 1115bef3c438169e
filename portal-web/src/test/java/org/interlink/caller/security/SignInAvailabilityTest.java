package org.interlink.caller.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak is asked by one request at a time, and its answer kept: a wave of newcomers cannot tie up the portal. */
class SignInAvailabilityTest {

    private HttpServer keycloak;
    private final AtomicInteger asked = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);
    private volatile int status = 200;

    @BeforeEach
    void keycloak() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.setExecutor(Executors.newCachedThreadPool());
        keycloak.createContext("/realms/interlink/.well-known/openid-configuration", exchange -> {
            asked.incrementAndGet();
            try {
                answer.await(1500, TimeUnit.MILLISECONDS); // held, within the portal's 2 s timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void whileOneRequestAsksKeycloakTheOthersGoByTheLastAnswerAndTheAnswerIsKept() throws Exception {
        SignInAvailability availability = availability();
        ExecutorService newcomers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                all.add(newcomers.submit(availability::available));
            }
            // one of them asks Keycloak, which holds its answer; the nine others go by the last answer (none yet: as if
            // Keycloak answered) without waiting for Keycloak
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while ((all.stream().filter(Future::isDone).count() < 9 || asked.get() == 0) && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the nine return at once; bounded by the deadline
            }
            assertThat(all.stream().filter(Future::isDone).count()).as("answered without waiting for Keycloak").isEqualTo(9);
            assertThat(asked.get()).as("Keycloak asked once").isEqualTo(1);
            status = 503;
            answer.countDown();
            int unavailable = 0;
            for (Future<Boolean> newcomer : all) {
                unavailable += newcomer.get(10, TimeUnit.SECONDS) ? 0 : 1;
            }
            assertThat(unavailable).as("only the one who asked heard Keycloak's 503").isEqualTo(1);
        } finally {
            newcomers.shutdownNow();
        }
        assertThat(availability.available()).as("Keycloak's 503, kept").isFalse();
        assertThat(asked.get()).as("asked once within 5 s").isEqualTo(1);
    }

    @Test
    void keycloakNotAnsweringAtAllIsUnavailable() {
        keycloak.stop(0);
        answer.countDown();
        assertThat(availability().available()).isFalse();
    }

    private SignInAvailability availability() {
        SignInAvailability availability = new SignInAvailability();
        String realm = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/interlink";
        availability.settings = new OpenIdSettings() {
            @Override
            public String getRealmUrl() {
                return realm;
            }
        };
        return availability;
    }
}
