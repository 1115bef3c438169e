package org.interlink.bench;

import org.interlink.devstack.UsersLoad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link UsersLoad} with Gatling ({@link UsersSimulation}), run in this JVM (it needs {@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}: .mvn/jvm.config); the figures are read from its report's statistics table, which
 * stays under the work folder.
 */
public class GatlingUsersLoad implements UsersLoad {

    @Override
    public Figures run(String portalUrl, List<User> users, Duration pace, Duration length, Path work) throws IOException {
        Path folder = Files.createDirectories(work.resolve("gatling"));
        Path file = folder.resolve("users.csv");
        List<String> lines = new ArrayList<>(List.of("sessionCookie,itemPath"));
        users.forEach(user -> lines.add(user.sessionCookie() + "," + user.itemPath()));
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.setProperty(UsersSimulation.PORTAL, portalUrl);
        System.setProperty(UsersSimulation.USERS_FILE, file.toAbsolutePath().toString());
        System.setProperty(UsersSimulation.USERS, Integer.toString(users.size()));
        System.setProperty(UsersSimulation.PACE_MS, Long.toString(pace.toMillis()));
        System.setProperty(UsersSimulation.LENGTH_S, Long.toString(length.toSeconds()));
        Path results = folder.resolve("results");
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", UsersSimulation.class.getName(),
                "--results-folder", results.toAbsolutePath().toString()});
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status);
        }
        return figures(Files.readString(newest(results).resolve("index.html")));
    }

    private static Path newest(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report under " + results));
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]+)<");

    /**
     * The figures of the report's statistics table (index.html): its first row is all requests, one row follows per
     * page; columns 2 and 4 count the requests and the failed ones, 8, 10 and 11 are the 50th, 95th and 99th
     * percentiles in ms.
     */
    static Figures figures(String index) {
        Matcher row = ROW.matcher(index);
        Figures all = null;
        while (row.find()) {
            String cells = row.group(2);
            Figures figures = new Figures(cell(cells, 8), cell(cells, 10), cell(cells, 11), (long) cell(cells, 2), (long) cell(cells, 4));
            Matcher name = NAME.matcher(cells);
            String page = name.find() ? name.group(1) : row.group(1);
            System.out.printf(java.util.Locale.ROOT, "  %-14s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,d requests, %d failed%n", page,
                    figures.p50(), figures.p95(), figures.p99(), figures.requests(), figures.errors());
            if (all == null) {
                all = figures;
            }
        }
        if (all == null) {
            throw new IllegalStateException("no statistics table in Gatling's report");
        }
        return all;
    }

    private static double cell(String cells, int column) {
        Matcher m = Pattern.compile("col-" + column + "\">([^<]*)<").matcher(cells);
        if (!m.find()) {
            throw new IllegalStateException("no column " + column + " in Gatling's statistics table");
        }
        String value = m.group(1).replace(",", "").trim();
        return value.isEmpty() || "-".equals(value) ? 0 : Double.parseDouble(value);
    }
}
