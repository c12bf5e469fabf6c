package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's endpoints on the JDK's HTTP server: {@code /metrics}, {@code /health/live},
 * {@code /health/ready} and {@code /about}, optionally behind basic auth and TLS.
 *
 * <p>Requests run on {@link #THREADS} daemon threads with a queue of {@link #QUEUE} connections;
 * past that the server closes new connections. {@link ExchangeDeadlines} bounds how long a client
 * can hold a thread. The server is started from a daemon thread so that its dispatcher
 * thread is a daemon too and never keeps the broker's JVM alive.
 */
public final class AgentHttpServer implements AutoCloseable {
  public static final int THREADS = 4;
  static final int QUEUE = 16;
  /** Time a client has to send the request head, TLS handshake included. */
  static final long REQUEST_HEAD_MILLIS = 5_000;
  /** Time for the response, not counting the wait for a collection. */
  static final long RESPONSE_MILLIS = 10_000;
  private static final int BACKLOG = 16;
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ExchangeDeadlines deadlines;

  private AgentHttpServer(HttpServer server, ThreadPoolExecutor executor, ExchangeDeadlines deadlines) {
    this.server = server;
    this.executor = executor;
    this.deadlines = deadlines;
  }

  /** What the server serves and how it is protected. */
  public static final class Endpoints {
    final MetricsEndpoint metrics;
    final LiveHandler live;
    final ReadyHandler ready;
    final AboutHandler about;

    public Endpoints(MetricsEndpoint metrics, LiveHandler live, ReadyHandler ready, AboutHandler about) {
      this.metrics = metrics;
      this.live = live;
      this.ready = ready;
      this.about = about;
    }
  }

  /**
   * Binds and starts.
   *
   * @param authenticator null for no authentication
   * @param healthOpen true to answer the health endpoints without credentials
   * @param tls null for plain HTTP
   */
  public static AgentHttpServer start(
      InetSocketAddress address, Endpoints endpoints, Authenticator authenticator, boolean healthOpen, TlsConfig tls)
      throws IOException {
    HttpServer server = createWithNoDelay(address, tls);
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<Runnable>(QUEUE), new DaemonThreads());
    ExchangeDeadlines deadlines = new ExchangeDeadlines(executor, REQUEST_HEAD_MILLIS, RESPONSE_MILLIS);
    server.setExecutor(deadlines);
    ExchangeGuard guard = new ExchangeGuard(AgentLog.toStandardError());
    context(server, endpoints.metrics.path(), endpoints.metrics, authenticator, guard);
    context(server, endpoints.about.path(), endpoints.about, authenticator, guard);
    Authenticator healthAuth = healthOpen ? null : authenticator;
    context(server, endpoints.live.path(), endpoints.live, healthAuth, guard);
    context(server, endpoints.ready.path(), endpoints.ready, healthAuth, guard);
    context(server, "/", new NotFoundHandler(), null, guard);
    try {
      startOnDaemonThread(server);
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      executor.shutdownNow();
      deadlines.close();
      throw e;
    }
    return new AgentHttpServer(server, executor, deadlines);
  }

  /**
   * Creates the server with TCP_NODELAY on its connections: without it a keep-alive scrape waits for
   * Nagle's algorithm and the client's delayed ACK (about 40 ms) between the response's head and
   * body. The JDK's server offers no per-server switch, only the system property {@value
   * #NODELAY_PROPERTY}, read once when the JVM creates its first such server. So the property is set
   * only while this server is created, and only when nobody set it; it is removed again right
   * after. Had the JVM already created a JDK server before the agent, its setting stays in force.
   */
  private static HttpServer createWithNoDelay(InetSocketAddress address, TlsConfig tls) throws IOException {
    boolean setHere = false;
    synchronized (System.getProperties()) {
      if (System.getProperty(NODELAY_PROPERTY) == null) {
        System.setProperty(NODELAY_PROPERTY, "true");
        setHere = true;
      }
    }
    try {
      if (tls != null) {
        HttpsServer https = HttpsServer.create(address, BACKLOG);
        https.setHttpsConfigurator(tls.configurator());
        return https;
      }
      return HttpServer.create(address, BACKLOG);
    } finally {
      if (setHere) {
        System.clearProperty(NODELAY_PROPERTY);
      }
    }
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    deadlines.close();
  }

  private static void context(
      HttpServer server, String path, HttpHandler handler, Authenticator authenticator, ExchangeGuard guard) {
    HttpContext context = server.createContext(path, handler);
    // user filters run before the authenticator: the guard sees the whole exchange
    context.getFilters().add(guard);
    if (authenticator != null) {
      context.setAuthenticator(authenticator);
    }
  }

  /** The JDK's dispatcher thread inherits the daemon flag of the thread that calls start(). */
  private static void startOnDaemonThread(HttpServer server) throws IOException {
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                server.start();
              } catch (RuntimeException e) {
                failure.set(e);
              }
            },
            "brokerwatch-http-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the HTTP server");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** Named daemon threads for request handling. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "brokerwatch-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
