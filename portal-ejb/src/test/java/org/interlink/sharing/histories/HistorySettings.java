package org.interlink.sharing.histories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How many histories, how many steps each, and the seed: Maven passes {@code interlink.histories.tries},
 * {@code .steps} and {@code .seed} to the test JVM, whose deployment carries them into the container as
 * {@value #RESOURCE} (the properties run there). A seed of {@code random} lets jqwik draw one.
 */
record HistorySettings(int tries, int steps, String seed, String database) {

    static final String RESOURCE = "interlink-histories.properties";

    static HistorySettings fromSystem() {
        return new HistorySettings(Integer.getInteger("interlink.histories.tries", 12),
                Integer.getInteger("interlink.histories.steps", 20),
                System.getProperty("interlink.histories.seed", "20261201"),
                System.getProperty("interlink.histories.database", "target/jqwik-database"));
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
                properties.getProperty("seed", "20261201"), properties.getProperty("database", "jqwik-database"));
    }

    boolean randomSeed() {
        return seed == null || seed.isBlank() || seed.equals("random");
    }

    String asProperties() {
        return "tries=" + tries + "\nsteps=" + steps + "\nseed=" + seed + "\ndatabase=" + database.replace("\\", "/") + "\n";
    }
}
