package dev.brokerwatch.harness.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.brokerwatch.harness.TlsListener;

/**
 * Clients that open a TLS connection, finish the handshake and hang up, in a tight loop: what a fleet of
 * clients without session resumption, or crash-looping ones, does to a TLS listener. Every handshake costs
 * the broker's network thread a signature with its private key, which with a large RSA key is many times what
 * it costs the client (an ECDHE share and a signature check), so a few client threads keep a listener's
 * network threads busy while the clients themselves use little of the CPU. Each session is invalidated so
 * that the next connection gets a full handshake, not a resumption. Errors are counted, not thrown (the storm
 * itself is the fault).
 */
public final class TlsHandshakeStorm implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean stopping;

    public TlsHandshakeStorm(TlsListener listener, int threads) {
        InetSocketAddress target = listener.address();
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("a handshake storm is aimed at loopback only, not " + target);
        }
        SSLContext context = listener.clientContext();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> run(context, target), "brokerwatch-tls-storm-" + t);
            th.setDaemon(true);
            this.threads.add(th);
        }
        this.threads.forEach(Thread::start);
    }

    private void run(SSLContext context, InetSocketAddress target) {
        while (!stopping) {
            try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket()) {
                // a reset instead of a FIN: no TIME_WAIT, so the loop cannot run out of local ports
                s.setSoLinger(true, 0);
                s.setTcpNoDelay(true);
                s.connect(target, 2_000);
                s.setSoTimeout(10_000);
                s.startHandshake();
                s.getSession().invalidate();
                handshakes.incrementAndGet();
            } catch (IOException e) {
                errors.incrementAndGet();
                lastError = e.toString();
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Full handshakes completed so far. */
    public long handshakes() {
        return handshakes.get();
    }

    public long errors() {
        return errors.get();
    }

    /** The last error a client saw, or "". */
    public String lastError() {
        return lastError;
    }

    /** Stops every thread (bounded: 15 s each, then interrupted). */
    @Override
    public void close() {
        stopping = true;
        LoadThreads.join(threads, Duration.ofSeconds(15));
    }
}
