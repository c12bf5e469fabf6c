package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import dev.brokerwatch.agent.testing.RawHttp;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that send too little, too much or nonsense cost a bounded time and never silence /metrics. */
class HostileClientsTest {
  @TempDir Path dir;
  private AgentFixture fixture;
  private final List<Socket> stalled = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : stalled) {
      socket.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void clientsThatSendOneByteAndThenNothingHoldAThreadForTheRequestHeadBoundOnly() throws Exception {
    fixture = AgentFixture.start(dir, null);
    for (int i = 0; i < AgentHttpServer.THREADS; i++) {
      stalled.add(sendAndStall("G".getBytes(StandardCharsets.US_ASCII)));
    }
    Thread.sleep(300);

    long start = System.nanoTime();
    HttpResponse<String> scrape = fixture.get("/metrics");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(millis)
        .as("answered once the stalled requests ran out of time to send their head")
        .isLessThan(AgentHttpServer.REQUEST_HEAD_MILLIS + 3_000);
    for (Socket socket : stalled) {
      assertThat(socket.getInputStream().read()).as("the stalled connection was closed").isEqualTo(-1);
    }
  }

  @Test
  void aMalformedRequestLineIsAnswered400AndOthersAreServed() throws Exception {
    fixture = AgentFixture.start(dir, null);

    String answer = RawHttp.exchange(fixture.agent().port(), "NONSENSE\r\n\r\n", 5_000);

    assertThat(RawHttp.status(answer)).isEqualTo(400);
    assertThat(fixture.get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void hugeHeadersAreRefusedWithoutDelayingOthers() throws Exception {
    fixture = AgentFixture.start(dir, null);
    char[] filler = new char[1024 * 1024];
    Arrays.fill(filler, 'x');

    long start = System.nanoTime();
    String answer =
        RawHttp.exchange(fixture.agent().port(), "GET /metrics HTTP/1.1\r\nHost: a\r\nX-Big: " + new String(filler) + "\r\n\r\n", 10_000);
    HttpResponse<String> scrape = fixture.get("/metrics");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(RawHttp.status(answer)).as("refused or cut off: never a scrape").isNotEqualTo(200);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(millis).isLessThan(AgentHttpServer.REQUEST_HEAD_MILLIS + 3_000);
  }

  @Test
  void aFailingHandlerAnswers500AndWritesOneLineNotAStackTrace() throws Exception {
    // jmx.only: this JVM has no Kafka, and the line that says so would come with the first scrape
    fixture = AgentFixture.start(dir, "jmx.only=true\n");
    fixture.agent().registry().register(new FailingCollector());
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    List<Integer> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        statuses.add(fixture.get("/metrics").statusCode());
      }
    } finally {
      System.setErr(original);
    }

    assertThat(statuses).containsOnly(500);
    String log = captured.toString("UTF-8");
    assertThat(log.split("\n"))
        .as("one line for three failures: the log is rate-limited")
        .containsExactly("brokerwatch: GET /metrics failed: IllegalStateException: collector broke");
    assertThat(fixture.get("/health/live").statusCode()).isEqualTo(200);
  }

  private Socket sendAndStall(byte[] bytes) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", fixture.agent().port()), 5_000);
    socket.setSoTimeout(20_000);
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
    return socket;
  }

  /** A collector that always throws, as a bug in the library or the agent would. */
  private static final class FailingCollector implements MultiCollector {
    @Override
    public MetricSnapshots collect() {
      throw new IllegalStateException("collector broke");
    }
  }
}
