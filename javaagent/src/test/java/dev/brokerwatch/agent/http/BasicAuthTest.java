package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.testing.AgentFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
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

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
