package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.agent.testing.AgentFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;
  private AgentFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void servesOverTlsWithTheKeystoresCertificate() throws Exception {
    Path keystore = generateKeystore(dir.resolve("agent.p12"));
    fixture =
        AgentFixture.startTls(
            dir,
            "tls.keystore.path=" + keystore + "\ntls.keystore.password=" + PASSWORD + "\n",
            clientTrusting(keystore));

    HttpResponse<String> metrics = fixture.get("/metrics");
    HttpResponse<String> live = fixture.get("/health/live");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("kafka_server_replicamanager_isrshrinks_total 4.0");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesPlainHttpOnTheTlsPort() throws Exception {
    Path keystore = generateKeystore(dir.resolve("agent.p12"));
    fixture =
        AgentFixture.startTls(
            dir,
            "tls.keystore.path=" + keystore + "\ntls.keystore.password=" + PASSWORD + "\n",
            clientTrusting(keystore));
    URI plain = URI.create("http://127.0.0.1:" + fixture.agent().port() + "/metrics");
    HttpClient client = AgentFixture.defaultClient();

    assertThatThrownBy(
            () -> client.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aWrongKeystorePasswordStopsTheStart() throws Exception {
    Path keystore = generateKeystore(dir.resolve("agent.p12"));
    assertThatThrownBy(
            () ->
                AgentFixture.startTls(
                    dir, "tls.keystore.path=" + keystore + "\ntls.keystore.password=wrong\n", clientTrusting(keystore)))
        .hasMessageStartingWith("cannot load TLS keystore " + keystore + ": ");
  }

  @Test
  void aKeystoreWithACertificateButNoPrivateKeyStopsTheStart() throws Exception {
    Path withKey = generateKeystore(dir.resolve("agent.p12"));
    KeyStore source = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(withKey)) {
      source.load(in, PASSWORD.toCharArray());
    }
    KeyStore certificateOnly = KeyStore.getInstance("PKCS12");
    certificateOnly.load(null, null);
    certificateOnly.setCertificateEntry("agent", source.getCertificate("agent"));
    Path keystore = dir.resolve("certificate-only.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      certificateOnly.store(out, PASSWORD.toCharArray());
    }

    assertThatThrownBy(
            () ->
                AgentFixture.startTls(
                    dir, "tls.keystore.path=" + keystore + "\ntls.keystore.password=" + PASSWORD + "\n", clientTrusting(withKey)))
        .hasMessage(
            "cannot load TLS keystore " + keystore
                + ": GeneralSecurityException: the keystore has no private key entry (a certificate alone cannot serve TLS)");
  }

  @Test
  void tls12OffersOnlyForwardSecretAeadSuites() throws Exception {
    Path keystore = generateKeystore(dir.resolve("agent.p12"), "RSA");
    fixture =
        AgentFixture.startTls(
            dir, "tls.keystore.path=" + keystore + "\ntls.keystore.password=" + PASSWORD + "\n", clientTrusting(keystore));

    assertThat(handshakes(keystore, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).as("ECDHE with GCM").isTrue();
    assertThat(handshakes(keystore, "TLS_RSA_WITH_AES_128_GCM_SHA256")).as("RSA key exchange: no forward secrecy").isFalse();
    assertThat(handshakes(keystore, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).as("CBC: not AEAD").isFalse();
  }

  private boolean handshakes(Path keystore, String suite) throws Exception {
    try (SSLSocket socket = (SSLSocket) trustingContext(keystore).getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", fixture.agent().port()), 5_000);
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
      return true;
    } catch (SSLException e) {
      return false;
    }
  }

  static Path generateKeystore(Path keystore) throws Exception {
    return generateKeystore(keystore, "EC");
  }

  /** Runs keytool, stopping it by pid whatever happens. */
  static Path generateKeystore(Path keystore, String algorithm) throws Exception {
    String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = new ArrayList<>(Arrays.asList(keytool, "-genkeypair", "-alias", "agent", "-keyalg", algorithm));
    command.addAll(algorithm.equals("EC") ? Arrays.asList("-groupname", "secp256r1") : Arrays.asList("-keysize", "2048"));
    command.addAll(
        Arrays.asList(
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(keystore.resolveSibling("keytool.log").toFile()).start();
    long pid = process.pid();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
      assertThat(process.exitValue())
          .as(new String(Files.readAllBytes(keystore.resolveSibling("keytool.log"))))
          .isZero();
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    return keystore;
  }

  static HttpClient clientTrusting(Path keystore) throws Exception {
    return HttpClient.newBuilder().sslContext(trustingContext(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static SSLContext trustingContext(Path keystore) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
