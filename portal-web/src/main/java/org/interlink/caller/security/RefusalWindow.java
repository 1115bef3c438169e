package org.interlink.caller.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The refusals of one time window, per client address: the first refusal of an address is to be
 * written at once ({@link #refused} answers true), every later one of that address is only counted,
 * per {@link RefusalReason}, and summed up by {@link #summaries} when the window closes. However fast
 * an address asks, it costs the audit trail two events per window.
 *
 * <p>Bounded whatever clients send: at most {@link #MAX_ADDRESSES} addresses are told apart (each
 * with one counter per reason, a closed set); refusals from further addresses in the same window are
 * counted together under {@link #OTHER_ADDRESSES}, without an event of their own. Safe for many
 * request threads at once; whoever closes the window makes sure no thread counts into it any more.
 */
public final class RefusalWindow {

    /** Addresses told apart per window; more is an attack from many addresses, counted as one. */
    public static final int MAX_ADDRESSES = 1000;

    /** The address of the summary that counts the addresses beyond {@link #MAX_ADDRESSES}. */
    public static final String OTHER_ADDRESSES = "other addresses";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant opened;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger addresses = new AtomicInteger();
    private final Tally others = new Tally(true);

    public RefusalWindow(Instant opened) {
        this.opened = opened;
    }

    /**
     * Counts one refusal.
     *
     * @return true when it is the first of {@code address} in this window: the caller writes it at once
     */
    public boolean refused(String address, RefusalReason reason) {
        String key = address == null || address.isBlank() ? "unknown" : address;
        Tally tally = tallies.get(key);
        if (tally == null) {
            if (addresses.get() >= MAX_ADDRESSES) {
                others.count(reason);
                return false;
            }
            Tally fresh = new Tally(false);
            tally = tallies.putIfAbsent(key, fresh);
            if (tally == null) {
                addresses.incrementAndGet();
                tally = fresh;
            }
        }
        if (tally.firstTaken.compareAndSet(false, true)) {
            return true;
        }
        tally.count(reason);
        return false;
    }

    /** A first refusal that could not be written at once: it is counted for the summary instead. */
    public void unwritten(String address, RefusalReason reason) {
        Tally tally = address == null ? null : tallies.get(address);
        (tally == null ? others : tally).count(reason);
    }

    /** What the window counted beyond the first refusal of each address: one summary per address that had more. */
    public List<Summary> summaries(Instant closed) {
        List<Summary> summaries = new ArrayList<>();
        tallies.forEach((address, tally) -> tally.summary(address, opened, closed).ifPresent(summaries::add));
        others.summary(OTHER_ADDRESSES, opened, closed).ifPresent(summaries::add);
        summaries.sort(Comparator.comparing(Summary::address));
        return summaries;
    }

    /** The refusals of one address counted in one window (beyond the first, which was written at once). */
    public record Summary(String address, Instant from, Instant to, long count, Map<RefusalReason, Long> reasons) {

        /** What the audit event says: "12 more refused … between … and … UTC: not a JWT 10, another audience 2". */
        public String details() {
            return count + " more refused " + (count == 1 ? "request" : "requests") + " without an accepted token from "
                    + (address.equals(OTHER_ADDRESSES)
                            ? "addresses beyond the first " + MAX_ADDRESSES + " of the window"
                            : "this address")
                    + " between " + TIME.format(from) + " and " + TIME.format(to) + " UTC: "
                    + reasons.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    /** One address's counters: whether its first refusal was taken, and one counter per reason. */
    private static final class Tally {

        private final AtomicBoolean firstTaken;
        private final LongAdder[] counts = new LongAdder[RefusalReason.values().length];

        Tally(boolean noFirst) {
            firstTaken = new AtomicBoolean(noFirst);
            Arrays.setAll(counts, i -> new LongAdder());
        }

        void count(RefusalReason reason) {
            counts[(reason == null ? RefusalReason.OTHER : reason).ordinal()].increment();
        }

        Optional<Summary> summary(String address, Instant from, Instant to) {
            Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);
            long total = 0;
            for (RefusalReason reason : RefusalReason.values()) {
                long count = counts[reason.ordinal()].sum();
                if (count > 0) {
                    reasons.put(reason, count);
                    total += count;
                }
            }
            return total == 0 ? Optional.empty() : Optional.of(new Summary(address, from, to, total, reasons));
        }
    }
}
