package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicAuthTest {
  private static final String HASH = PasswordHash.create("s3cret".toCharArray(), 10_000).toString();

  @TempDir Path dir;
  private AgentFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void everyEndpointNeedsCredentialsByDefault() throws Exception {
    fixture = AgentFixture.start(dir, "auth.user=prometheus\nauth.password.hash=" + HASH + "\n");

    for (String path : new String[] {"/metrics", "/about", "/health/live", "/health/ready"}) {
      HttpResponse<String> anonymous = fixture.get(path);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""))
          .startsWith("Basic realm=\"brokerwatch\"");
      assertThat(fixture.get(path, "Authorization", basic("prometheus", "wrong")).statusCode()).as(path).isEqualTo(401);
      assertThat(fixture.get(path, "Authorization", basic("someone", "s3cret")).statusCode()).as(path).isEqualTo(401);
      assertThat(fixture.get(path, "Authorization", basic("prometheus", "s3cret")).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void remembersASuccessWithoutAcceptingAnythingElse() throws Exception {
    fixture = AgentFixture.start(dir, "auth.user=prometheus\nauth.password.hash=" + HASH + "\n");

    for (int i = 0; i < 3; i++) {
      assertThat(fixture.get("/metrics", "Authorization", basic("prometheus", "s3cret")).statusCode()).isEqualTo(200);
      assertThat(fixture.get("/metrics", "Authorization", basic("prometheus", "s3cret!")).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void healthCanBeOpenedForProbesThatSendNoCredentials() throws Exception {
    fixture = AgentFixture.start(dir, "auth.user=prometheus\nauth.password.hash=" + HASH + "\nhealth.open=true\n");

    assertThat(fixture.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(fixture.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(fixture.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(fixture.get("/about").statusCode()).isEqualTo(401);
  }

  @Test
  void malformedCredentialsAreAClientErrorNotADroppedConnection() throws Exception {
    fixture = AgentFixture.start(dir, "auth.user=prometheus\nauth.password.hash=" + HASH + "\n");
    char[] huge = new char[100 * 1024];
    Arrays.fill(huge, 'A');
    String[] headers = {
      "Basic !!!not-base64!!!",
      "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
      "Basic " + new String(huge),
    };

    for (String header : headers) {
      String label = header.length() > 40 ? header.substring(0, 40) + "..." : header;
      assertThat(fixture.get("/metrics", "Authorization", header).statusCode()).as(label).isEqualTo(400);
    }
    assertThat(fixture.get("/metrics", "Authorization", basic("prometheus", "s3cret")).statusCode()).isEqualTo(200);
  }

  @Test
  void aFloodOfWrongPasswordsBuysABoundedNumberOfVerificationsWhileTheScraperStaysIn() throws Exception {
    fixture = AgentFixture.start(dir, "auth.user=prometheus\nauth.password.hash=" + HASH + "\n");
    assertThat(fixture.get("/metrics", "Authorization", basic("prometheus", "s3cret")).statusCode()).isEqualTo(200);
    AtomicInteger verified = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    long seconds = 2;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService guessers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      final int guesser = g;
      running.add(
          guessers.submit(
              () -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                  int status = fixture.get("/metrics", "Authorization", basic("prometheus", "guess-" + guesser + "-" + i)).statusCode();
                  (status == 401 ? verified : refused).incrementAndGet();
                  assertThat(status).isIn(401, 429);
                }
                return null;
              }));
    }
    int scraperStatus = fixture.get("/metrics", "Authorization", basic("prometheus", "s3cret")).statusCode();
    for (Future<?> guesserRun : running) {
      guesserRun.get(30, TimeUnit.SECONDS);
    }
    guessers.shutdown();

    assertThat(scraperStatus).as("remembered credentials need no verification").isEqualTo(200);
    assertThat(verified.get())
        .as("wrong guesses verified (401); %d more refused (429) without a verification", refused.get())
        .isLessThanOrEqualTo(
            HashedBasicAuthenticator.VERIFICATION_BURST
                + (int) (HashedBasicAuthenticator.VERIFICATIONS_PER_SECOND * (seconds + 1)));
    assertThat(refused.get()).as("the flood went on beyond the budget").isPositive();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
