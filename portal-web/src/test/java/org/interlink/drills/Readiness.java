package org.interlink.drills;

import org.interlink.devstack.Http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Watches {@code /health/ready} through a drill: when it said UP or DOWN. */
final class Readiness {

    private static final long INTERVAL_MILLIS = 200;

    private final String url;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition sampled = lock.newCondition();

    Readiness(String portalUrl) {
        this.url = portalUrl + "/health/ready";
    }

    /** Asks every 200 ms until {@code stop}. */
    Void watch(AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            boolean up = Http.get(url).map(answer -> answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\""))
                    .orElse(false);
            lock.lock();
            try {
                samples.add(new Sample(System.nanoTime(), up));
                sampled.signalAll();
                sampled.await(INTERVAL_MILLIS, TimeUnit.MILLISECONDS); // the probe's interval, not a synchronisation
            } finally {
                lock.unlock();
            }
        }
        return null;
    }

    boolean downBetween(long from, long to) {
        return samples.stream().anyMatch(s -> !s.up() && s.nanos() >= from && s.nanos() <= to);
    }

    /** When readiness first said UP after {@code from}; 0 when it did not within {@code limit}. */
    long upAfter(long from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (System.nanoTime() < deadline) {
                for (Sample sample : samples) {
                    if (sample.up() && sample.nanos() > from) {
                        return sample.nanos();
                    }
                }
                sampled.await(1, TimeUnit.SECONDS);
            }
            return 0;
        } finally {
            lock.unlock();
        }
    }

    private record Sample(long nanos, boolean up) {
    }
}
