package dev.brokerwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.agent.http.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreOpenPlainAndUnchecked() {
    AgentConfig config = AgentConfig.defaults();
    assertThat(config.hasAuth()).isFalse();
    assertThat(config.hasTls()).isFalse();
    assertThat(config.healthOpen()).isFalse();
    assertThat(config.readyMaxUnderReplicated()).isNull();
    assertThat(config.cgroupRoot()).isEqualTo(Paths.get("/sys/fs/cgroup"));
    assertThat(config.jmxOnly()).as("Kafka's metrics are read in process unless told otherwise").isFalse();
    assertThat(config.scrapeThreads())
        .as("as many scrape threads as the JVM may use processors, at most 4")
        .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void readsEveryKey() throws Exception {
    String hash = PasswordHash.create("secret".toCharArray(), 10_000).toString();
    Path file =
        write(
            "auth.user=prometheus\n"
                + "auth.password.hash=" + hash + "\n"
                + "health.open=true\n"
                + "tls.keystore.path=/etc/brokerwatch/agent.p12\n"
                + "tls.keystore.password=changeit\n"
                + "tls.keystore.type=JKS\n"
                + "tls.key.password=keypass\n"
                + "ready.max-under-replicated-partitions=2\n"
                + "cgroup.root=/host/sys/fs/cgroup\n"
                + "jmx.only=true\n"
                + "scrape.threads=3\n");

    AgentConfig config = AgentConfig.load(file);

    assertThat(config.authUser()).isEqualTo("prometheus");
    assertThat(config.authPasswordHash().matches("secret".toCharArray())).isTrue();
    assertThat(config.healthOpen()).isTrue();
    assertThat(config.keystorePath()).isEqualTo(Paths.get("/etc/brokerwatch/agent.p12"));
    assertThat(config.keystorePassword()).containsExactly("changeit".toCharArray());
    assertThat(config.keystoreType()).isEqualTo("JKS");
    assertThat(config.keyPassword()).containsExactly("keypass".toCharArray());
    assertThat(config.readyMaxUnderReplicated()).isEqualTo(2);
    assertThat(config.cgroupRoot()).isEqualTo(Paths.get("/host/sys/fs/cgroup"));
    assertThat(config.jmxOnly()).isTrue();
    assertThat(config.scrapeThreads()).isEqualTo(3);
  }

  @Test
  void scrapeThreadsIsAWholeNumberFromOneTo64() throws Exception {
    for (String bad : new String[] {"0", "-2", "65", "two", "1.5"}) {
      Path file = write("scrape.threads=" + bad + "\n");
      assertThatThrownBy(() -> AgentConfig.load(file))
          .as("scrape.threads=" + bad)
          .hasMessage(file + ": scrape.threads must be a whole number from 1 to 64, got '" + bad + "'");
    }
    assertThat(AgentConfig.load(write("scrape.threads=1\n")).scrapeThreads()).isEqualTo(1);
    assertThat(AgentConfig.load(write("scrape.threads=64\n")).scrapeThreads()).isEqualTo(64);
  }

  @Test
  void jmxOnlyIsTrueOrFalse() throws Exception {
    Path file = write("jmx.only=yes\n");
    assertThatThrownBy(() -> AgentConfig.load(file)).hasMessage(file + ": jmx.only must be true or false, got 'yes'");
  }

  @Test
  void rejectsUnknownKeys() throws Exception {
    Path file = write("auth.usr=prometheus\n");
    assertThatThrownBy(() -> AgentConfig.load(file))
        .hasMessageStartingWith(file + ": unknown key 'auth.usr' (known keys: auth.user, ");
  }

  @Test
  void rejectsHalfConfiguredAuthAndTls() throws Exception {
    Path auth = write("auth.user=prometheus\n");
    assertThatThrownBy(() -> AgentConfig.load(auth))
        .hasMessage(auth + ": auth.user and auth.password.hash go together");
    Path tls = write("tls.keystore.path=/x.p12\n");
    assertThatThrownBy(() -> AgentConfig.load(tls))
        .hasMessage(tls + ": tls.keystore.path needs tls.keystore.password");
  }

  @Test
  void rejectsBadValues() throws Exception {
    Path hash = write("auth.user=u\nauth.password.hash=plain\n");
    assertThatThrownBy(() -> AgentConfig.load(hash))
        .hasMessage(hash + ": auth.password.hash: expected pbkdf2-sha256:<iterations>:<salt>:<hash> (make one with HashPassword)");
    Path bool = write("health.open=yes\n");
    assertThatThrownBy(() -> AgentConfig.load(bool)).hasMessage(bool + ": health.open must be true or false, got 'yes'");
    Path urp = write("ready.max-under-replicated-partitions=-1\n");
    assertThatThrownBy(() -> AgentConfig.load(urp))
        .hasMessage(urp + ": ready.max-under-replicated-partitions must be a whole number >= 0, got '-1'");
  }

  @Test
  void aMissingFileIsOneClearLine() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> AgentConfig.load(missing)).hasMessage("cannot read config file " + missing + ": no such file");
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "agent", ".properties");
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    return file;
  }
}
