package dev.brokerwatch.tests.proof;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that connect, ask one question and hang up, in a tight loop: what a fleet of crash-looping or
 * misconfigured clients does to a broker. Each of {@code threads} threads opens a TCP connection to
 * {@code broker}, sends an ApiVersions request (v0), reads the answer and resets the connection. The client
 * side costs a few system calls; the broker's network thread registers, reads, parses, answers and tears down
 * a connection each time, so the load lands on it rather than on the request handlers. Errors are counted,
 * not thrown (the storm itself is the fault).
 */
public final class ConnectionStorm implements AutoCloseable {
    private static final short API_VERSIONS = 18;
    private static final byte[] CLIENT_ID = "brokerwatch-storm".getBytes(StandardCharsets.US_ASCII);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean stopping;

    public ConnectionStorm(InetSocketAddress broker, int threads) {
        if (!broker.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("a connection storm is aimed at loopback only, not " + broker);
        }
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> run(broker), "brokerwatch-storm-" + t);
            th.setDaemon(true);
            this.threads.add(th);
        }
        this.threads.forEach(Thread::start);
    }

    private void run(InetSocketAddress broker) {
        byte[] request = apiVersionsRequest();
        int correlation = 0;
        while (!stopping) {
            try (Socket s = new Socket()) {
                // a reset instead of a FIN: no TIME_WAIT, so the loop cannot run out of local ports
                s.setSoLinger(true, 0);
                s.setTcpNoDelay(true);
                s.connect(broker, 2_000);
                s.setSoTimeout(5_000);
                ByteBuffer.wrap(request).putInt(8, correlation++);
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                DataInputStream in = new DataInputStream(s.getInputStream());
                int size = in.readInt();
                if (size < 0 || size > 1 << 20) {
                    throw new IOException("unexpected response size " + size);
                }
                in.readFully(new byte[size]);
                connections.incrementAndGet();
            } catch (IOException e) {
                errors.incrementAndGet();
                pause();
            }
        }
    }

    /** size, api key, api version 0, correlation id, client id; ApiVersions v0 has an empty body. */
    private static byte[] apiVersionsRequest() {
        int size = 2 + 2 + 4 + 2 + CLIENT_ID.length;
        ByteBuffer b = ByteBuffer.allocate(4 + size);
        b.putInt(size).putShort(API_VERSIONS).putShort((short) 0).putInt(0)
                .putShort((short) CLIENT_ID.length).put(CLIENT_ID);
        return b.array();
    }

    private void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Connections that got their answer so far. */
    public long connections() {
        return connections.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Stops every thread (bounded: 10 s each, then interrupted). */
    @Override
    public void close() {
        stopping = true;
        LoadThreads.join(threads, Duration.ofSeconds(10));
    }
}
