package org.interlink.devstack;

import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The portal as a cluster on this machine (issue 22): several Payara Micro nodes of the same WAR forming one Hazelcast
 * data grid (sessions are kept by the grid, so any node serves any session), behind HAProxy, which keeps a browser on
 * the node that served it first (a cookie it adds) and sends it to another one when that node is down. All nodes share
 * one database, which must be PostgreSQL, and one Keycloak.
 *
 * <p>The nodes start at once: they migrate the database one after the other (Flyway's lock), and only the first seeds
 * the demo data.
 * A node may be {@link #kill killed} as a crash would kill it, and {@link #restart restarted}: it joins the grid again.
 */
public final class PortalCluster implements AutoCloseable {

    /** HAProxy's cookie that says which node serves a browser. */
    public static final String NODE_COOKIE = "INTERLINK_NODE";

    private final Path jar;
    private final Path war;
    private final Path workDir;
    private final Map<String, String> env;
    private final List<Integer> ports;
    private final List<PayaraMicroServer.DataGrid> grid;
    private final List<PayaraMicroServer> nodes;
    private final ManagedProcess balancer;
    private final String url;

    private PortalCluster(Path jar, Path war, Path workDir, Map<String, String> env, List<Integer> ports,
            List<PayaraMicroServer.DataGrid> grid, List<PayaraMicroServer> nodes, ManagedProcess balancer, String url) {
        this.jar = jar;
        this.war = war;
        this.workDir = workDir;
        this.env = env;
        this.ports = ports;
        this.grid = grid;
        this.nodes = nodes;
        this.balancer = balancer;
        this.url = url;
    }

    /**
     * Starts HAProxy on {@code port} and {@code size} nodes behind it on free ports, and waits until each is ready.
     *
     * @param workDir where each node keeps its files ({@code node1}, {@code node2} …) and HAProxy its configuration and log
     * @param env     the portal's configuration, the same for every node
     */
    public static PortalCluster start(Path jar, Path war, int port, Path workDir, Map<String, String> env, int size,
            Duration timeout) {
        if (size < 2) {
            throw new IllegalArgumentException("a cluster has two nodes or more, not " + size);
        }
        Path haproxy = HaProxy.executable();
        List<Integer> ports = IntStream.range(0, size).mapToObj(i -> FreePort.find()).toList();
        List<Integer> gridPorts = IntStream.range(0, size).mapToObj(i -> FreePort.find()).toList();
        // a name of its own: a second cluster on this machine (the suite's beside the run command's) never joins this one
        String name = "interlink-" + UUID.randomUUID().toString().substring(0, 8);
        List<PayaraMicroServer.DataGrid> grid = IntStream.range(0, size)
                .mapToObj(i -> new PayaraMicroServer.DataGrid(name, nodeName(i), gridPorts.get(i), gridPorts)).toList();
        Path config = Folders.written(Folders.created(workDir).resolve("haproxy.cfg"), HaProxy.config(port, ports));
        List<PayaraMicroServer> nodes = new ArrayList<>();
        ManagedProcess balancer = ManagedProcess.start("HAProxy",
                List.of(haproxy.toString(), "-db", "-f", config.toAbsolutePath().toString()),
                workDir, Map.of(), workDir.resolve("haproxy.log"));
        PortalCluster cluster = new PortalCluster(jar, war, workDir, env, ports, grid, nodes, balancer, "http://localhost:" + port);
        try {
            for (int i = 0; i < size; i++) {
                nodes.add(cluster.startNode(i));
            }
            nodes.forEach(node -> node.awaitReady(timeout));
            return cluster.awaitBalanced(timeout);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Fails with how to install HAProxy when it is missing, before anything starts. */
    public static void requireHaProxy() {
        HaProxy.executable();
    }

    private PayaraMicroServer startNode(int index) {
        Path nodeDir = Folders.created(workDir.resolve(nodeName(index)));
        Map<String, String> settings = new HashMap<>(env);
        // the balancer, on loopback, sets X-Forwarded-For to the address it saw: the client's (ClientAddress)
        settings.put("INTERLINK_TRUSTED_PROXIES", "127.0.0.1");
        if (index > 0) {
            // all nodes start at once: they migrate the database one after the other (Flyway's lock), and only the first
            // seeds the demo data (two would both find the database empty and seed it twice)
            settings.put("INTERLINK_DEMO_DATA", "false");
        }
        return PayaraMicroServer.start(jar, war, ports.get(index), nodeDir, settings, grid.get(index));
    }

    /**
     * Waits until the balancer sends requests to every node: each has answered a readiness check through it (HAProxy
     * takes a node into its rotation after two good checks of its own).
     */
    public PortalCluster awaitBalanced(Duration timeout) {
        Set<String> served = ConcurrentHashMap.newKeySet();
        balancer.awaitReady(() -> {
            Http.get(url + "/health/ready").filter(answer -> answer.statusCode() == 200)
                    .flatMap(answer -> answer.headers().allValues("set-cookie").stream().flatMap(c -> HttpCookie.parse(c).stream())
                            .filter(c -> c.getName().equals(NODE_COOKIE)).map(HttpCookie::getValue).findFirst())
                    .ifPresent(served::add);
            return served.size() == size();
        }, timeout);
        return this;
    }

    /** The name of the node at {@code index} (from 0): as HAProxy's cookie and Payara's data grid name it. */
    public static String nodeName(int index) {
        return "node" + (index + 1);
    }

    /** The balancer's base URL: the portal's. */
    public String url() {
        return url;
    }

    public int size() {
        return ports.size();
    }

    /** The node at {@code index}, straight (not through the balancer). */
    public PayaraMicroServer node(int index) {
        return nodes.get(index);
    }

    /** The index of the node HAProxy's cookie value {@code name} stands for. */
    public int indexOf(String name) {
        return IntStream.range(0, size()).filter(i -> nodeName(i).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** Kills the node at {@code index} as a crash would ({@code kill -9}). */
    public void kill(int index) {
        nodes.get(index).process().kill();
    }

    /** Starts the node at {@code index} again (after {@link #kill}) and waits until it is ready. */
    public PayaraMicroServer restart(int index, Duration timeout) {
        nodes.get(index).close();
        PayaraMicroServer node = startNode(index);
        nodes.set(index, node);
        return node.awaitReady(timeout);
    }

    public ManagedProcess balancer() {
        return balancer;
    }

    /** The processes of the cluster: HAProxy and every node. */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>(List.of(balancer));
        nodes.forEach(node -> all.add(node.process()));
        return all;
    }

    @Override
    public void close() {
        balancer.close();
        nodes.forEach(PayaraMicroServer::close);
    }

    /** HAProxy, Debian's package: where it is, and its configuration for the cluster. */
    static final class HaProxy {

        private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/local/sbin/haproxy"));

        private HaProxy() {
        }

        static Path executable() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "haproxy"))) {
                    return Path.of(dir, "haproxy");
                }
            }
            return PLACES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                    "HAProxy is not installed; a cluster needs it in front of its nodes: run"
                            + " 'sudo apt-get install -y haproxy', then start again"));
        }

        /**
         * The balancer on {@code port} (loopback), in front of the nodes on {@code nodePorts}: a browser stays on the node
         * its cookie names; a node whose readiness check fails twice in a row gets no new requests, and a request that
         * could not be sent to its node (refused: the node is gone) is sent to another one. A request already sent to a
         * node that dies is not sent again (it may have changed something): the client gets a 502.
         */
        static String config(int port, List<Integer> nodePorts) {
            StringBuilder servers = new StringBuilder();
            for (int i = 0; i < nodePorts.size(); i++) {
                servers.append("    server ").append(nodeName(i)).append(" 127.0.0.1:").append(nodePorts.get(i))
                        .append(" check inter 1s fall 2 rise 2 cookie ").append(nodeName(i)).append('\n');
            }
            return """
                    global
                        maxconn 2000
                        log stdout format raw local0 info

                    defaults
                        mode http
                        log global
                        option httplog
                        option redispatch 1
                        retries 3
                        timeout connect 2s
                        timeout client 60s
                        timeout server 60s
                        timeout http-request 10s
                        timeout queue 10s
                        # a node's readiness answer may take seconds when it is saturated (the kill drill's 50 clients on
                        # the last node): without this the check's timeout is its interval (1 s), and the balancer took the
                        # last node out under load and answered every request 503; a dead node still refuses at once
                        timeout check 5s

                    frontend portal
                        bind 127.0.0.1:{port}
                        # the client's address, as HAProxy saw it: never one a client wrote into the header itself
                        http-request set-header X-Forwarded-For %[src]
                        # an HTTP/2 upgrade (h2c; Java's HTTP client asks for it, browsers do not) would turn the connection
                        # into a tunnel to one node: no more cookie, no health check, no failover for its requests
                        http-request del-header HTTP2-Settings if { req.hdr(upgrade) -i h2c }
                        http-request del-header Upgrade if { req.hdr(upgrade) -i h2c }
                        default_backend nodes

                    backend nodes
                        balance roundrobin
                        cookie {cookie} insert indirect nocache httponly
                        option httpchk GET /health/ready
                        http-check expect status 200
                    {servers}""".replace("{port}", Integer.toString(port)).replace("{cookie}", NODE_COOKIE)
                    .replace("{servers}", servers);
        }
    }
}
