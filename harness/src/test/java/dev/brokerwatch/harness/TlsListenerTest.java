package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TlsListenerTest {
    @TempDir
    Path tmp;

    @Test
    void aClientContextCompletesAHandshakeWithAServerOnTheListenersKey() throws Exception {
        TlsListener listener = TlsListener.create("TLS", 0, tmp.resolve("tls.p12"), 2048);

        try (SSLServerSocket server = serverOn(listener)) {
            CompletableFuture<Void> accepted = acceptOneHandshake(server);
            try (SSLSocket client = (SSLSocket) listener.clientContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.startHandshake();
                assertThat(client.getSession().getProtocol()).as("the storm relies on TLS 1.3").isEqualTo("TLSv1.3");
            }
            accepted.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientContextTrustsNoOtherCertificate() throws Exception {
        TlsListener ours = TlsListener.create("TLS", 0, tmp.resolve("ours.p12"), 2048);
        TlsListener other = TlsListener.create("OTHER", 0, tmp.resolve("other.p12"), 2048);

        try (SSLServerSocket server = serverOn(other)) {
            acceptOneHandshake(server);
            try (SSLSocket client = (SSLSocket) ours.clientContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                assertThatThrownBy(client::startHandshake)
                        .as("a self-signed certificate other than the listener's own must be refused")
                        .isInstanceOf(SSLException.class);
            }
        }
    }

    @Test
    void addAllAppendsTheListenerToTheNodesListenersAndProtocolMap() {
        Map<String, String> props = new TreeMap<>(Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:9092",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"));

        Map<String, TlsListener> added = TlsListener.addAll("node-1", true, Map.of("TLS", 2048), tmp, props,
                k -> "/inside/" + k.getFileName());

        TlsListener tls = added.get("TLS");
        assertThat(props.get("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,TLS://127.0.0.1:" + tls.port());
        assertThat(props.get("listener.security.protocol.map"))
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,TLS:SSL");
        assertThat(props).containsEntry("listener.name.tls.ssl.keystore.location", "/inside/tls-tls.p12")
                .containsEntry("listener.name.tls.ssl.keystore.type", "PKCS12")
                .containsKey("listener.name.tls.ssl.keystore.password");
        assertThat(Files.isRegularFile(tmp.resolve("tls-tls.p12"))).as("keystore written in the node's directory").isTrue();
    }

    @Test
    void namesThatKafkaOrTheHarnessWouldMisreadAreRefused() {
        assertThatThrownBy(() -> TlsListener.checkName("tls")).hasMessageContaining("upper-case");
        assertThatThrownBy(() -> TlsListener.checkName(KafkaNode.BROKER_LISTENER)).hasMessageContaining("harness's own");
        assertThatThrownBy(() -> TlsListener.checkName(KafkaNode.CONTROLLER_LISTENER)).hasMessageContaining("harness's own");
        assertThat(TlsListener.checkName("CLIENT_TLS")).isEqualTo("CLIENT_TLS");
    }

    private static SSLServerSocket serverOn(TlsListener listener) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(listener.keystore())) {
            ks.load(in, listener.password().toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, listener.password().toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), null, null);
        return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static CompletableFuture<Void> acceptOneHandshake(SSLServerSocket server) {
        return CompletableFuture.runAsync(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(20_000);
                s.startHandshake();
            } catch (Exception e) {
                // the refused-certificate case ends here; the other test checks the future
                if (!(e instanceof SSLException)) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
