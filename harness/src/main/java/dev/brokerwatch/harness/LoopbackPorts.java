package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on 127.0.0.1.
 *
 * <p>A port is found by binding port 0 on the loopback address and closing the socket again. Ports
 * handed out once are remembered for the life of the JVM and never handed out twice, so two nodes of
 * one cluster (or two tests) cannot be given the same port even before either has bound it.
 */
public final class LoopbackPorts {
    /** The only address the harness binds or connects to. */
    public static final String HOST = "127.0.0.1";

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int MAX_ATTEMPTS = 200;

    private LoopbackPorts() {}

    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One free port on 127.0.0.1. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code count} distinct free ports on 127.0.0.1. */
    public static int[] freePorts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        List<ServerSocket> open = new ArrayList<>();
        int[] ports = new int[count];
        try {
            int found = 0;
            for (int attempt = 0; found < count && attempt < MAX_ATTEMPTS; attempt++) {
                ServerSocket socket = new ServerSocket();
                open.add(socket); // kept open until all are found, so the OS gives distinct ports
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(loopback(), 0));
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    ports[found++] = port;
                }
            }
            if (found < count) {
                throw new IllegalStateException("found only " + found + " of " + count
                        + " free loopback ports in " + MAX_ATTEMPTS + " attempts");
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        } finally {
            for (ServerSocket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** {@code host:port} on loopback. */
    public static String address(int port) {
        return HOST + ":" + port;
    }
}
