package org.interlink.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds a TCP port on the loopback interface that nobody listens on right now (for test servers). */
public final class FreePort {

    private FreePort() {
    }

    /**
     * The ports handed out in this JVM: the system may give the same free port twice in a row (a cluster's balancer once
     * got Keycloak's, which had not bound it yet), so none is handed out twice.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public static int find() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    /** Fails with a readable message when {@code port} is already taken, before a server tries it. */
    public static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use; stop what listens there"
                    + " (e.g. `ss -ltnp 'sport = :" + port + "'`) and start again");
        }
    }
}
