package org.interlink.ear;

import org.interlink.devstack.Folders;
import org.interlink.devstack.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh copy of the shipped {@code domain1} of a full Payara Server, moved to free ports (HTTP,
 * admin, IIOP, JMS, JMX, Hazelcast ...) so it runs beside anything else, driven with
 * {@code asadmin}. Every command has a deadline; {@link #close()} stops the domain and, failing
 * that, kills it by its PID.
 */
final class PayaraServerDomain implements AutoCloseable {

    private static final Pattern PORT_ATTRIBUTE = Pattern.compile("((?:port|start-port|das-port)=\")(\\d+)(\")");
    private static final Pattern PORT_PROPERTY = Pattern.compile("(<system-property name=\"[A-Z_]*PORT\" value=\")(\\d+)(\")");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    private static final String DOMAIN = "interlink-it";

    private final Path home;
    private final Map<String, String> env;
    private final int httpPort;
    private final int adminPort;
    private boolean started;

    private PayaraServerDomain(Path home, Map<String, String> env, int httpPort, int adminPort) {
        this.home = home;
        this.env = env;
        this.httpPort = httpPort;
        this.adminPort = adminPort;
    }

    /** Copies domain1 of the distribution at {@code home} and moves it to free ports; {@code env} reaches the server JVM. */
    static PayaraServerDomain prepare(Path home, Map<String, String> env) {
        Path domains = home.resolve("glassfish/domains");
        Folders.deleteTree(domains.resolve(DOMAIN));
        copyTree(domains.resolve("domain1"), domains.resolve(DOMAIN));
        Path domainXml = domains.resolve(DOMAIN + "/config/domain.xml");
        try {
            String xml = Files.readString(domainXml);
            Map<String, Integer> moved = new HashMap<>();
            xml = replacePorts(PORT_ATTRIBUTE, xml, moved);
            xml = replacePorts(PORT_PROPERTY, xml, moved);
            Files.writeString(domainXml, xml);
            return new PayaraServerDomain(home, env, moved.get("8080"), moved.get("4848"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replacePorts(Pattern pattern, String xml, Map<String, Integer> moved) {
        Matcher matcher = pattern.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int port = moved.computeIfAbsent(matcher.group(2), original -> FreePort.find());
            matcher.appendReplacement(out, matcher.group(1) + port + matcher.group(3));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    void start() {
        asadmin("start-domain", DOMAIN);
        started = true;
    }

    void deploy(Path archive, String name) {
        asadmin("deploy", "--name", name, archive.toAbsolutePath().toString());
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    Path serverLog() {
        return home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
    }

    @Override
    public void close() {
        if (!started) {
            return;
        }
        try {
            asadmin("stop-domain", DOMAIN);
        } finally {
            killLeftover();
        }
    }

    private void killLeftover() {
        Path pidFile = home.resolve("glassfish/domains/" + DOMAIN + "/config/pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // the domain stopped and took its pid file along
        }
    }

    private void asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(),
                "--port", Integer.toString(adminPort)));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("asadmin", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " did not finish within "
                        + COMMAND_TIMEOUT.toMinutes() + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n" + Files.readString(output)
                        + "\n--- end of " + serverLog() + ":\n" + tail(serverLog()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
