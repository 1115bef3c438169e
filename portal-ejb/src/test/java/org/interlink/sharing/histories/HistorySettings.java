package org.interlink.sharing.histories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How many histories, how many steps each, and the seed: Maven passes {@code interlink.histories.tries},
 * {@code .steps} and {@code .seed} to the test JVM, whose deployment carries them into the container as
 * {@value #RESOURCE} (the properties run there). A seed of {@code random} lets jqwik draw one.
 *
 * <p>{@code interlink.histories.known-bugs} names bugs of the portal the generator steers around until they are
 * fixed (each found by this property, reported, and to be removed from the list with its fix):
 * <ul>
 *     <li>{@code new-version-after-withdrawal}: a new version of an item whose previous new version was withdrawn
 *     takes that version's number again, and the database refuses it (a server error, the item stuck);</li>
 *     <li>{@code unaudited-link-refusal}: a link to an item the author may not read is refused as "not found"
 *     but nothing of it stays in the audit trail (the refusal rolls back with the change).</li>
 * </ul>
 */
record HistorySettings(int tries, int steps, String seed, String database, Set<String> knownBugs) {

    static final String RESOURCE = "interlink-histories.properties";

    static HistorySettings fromSystem() {
        return new HistorySettings(Integer.getInteger("interlink.histories.tries", 12),
                Integer.getInteger("interlink.histories.steps", 20),
                System.getProperty("interlink.histories.seed", "20261201"),
                System.getProperty("interlink.histories.database", "target/jqwik-database"),
                names(System.getProperty("interlink.histories.known-bugs", "")));
    }

    static HistorySettings inContainer() {
        Properties properties = new Properties();
        try (InputStream in = HistorySettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HistorySettings(Integer.parseInt(properties.getProperty("tries", "12")),
                Integer.parseInt(properties.getProperty("steps", "20")),
                properties.getProperty("seed", "20261201"), properties.getProperty("database", "jqwik-database"),
                names(properties.getProperty("known-bugs", "")));
    }

    boolean randomSeed() {
        return seed == null || seed.isBlank() || seed.equals("random");
    }

    String asProperties() {
        return "tries=" + tries + "\nsteps=" + steps + "\nseed=" + seed + "\ndatabase=" + database.replace("\\", "/")
                + "\nknown-bugs=" + String.join(",", knownBugs) + "\n";
    }

    /** Whether the generator steers around a known bug of the portal (see {@link #knownBugs}). */
    boolean avoids(String bug) {
        return knownBugs.contains(bug);
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(name -> !name.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
