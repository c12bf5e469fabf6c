package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An extra TLS listener on one node ({@code KafkaClusterSettings#tlsListener}): a free 127.0.0.1 port, and a
 * self-signed certificate (for {@code localhost} and {@code 127.0.0.1}) in a PKCS12 keystore that the JDK's
 * {@code keytool} writes into the node's directory. The key size is the caller's: the handshake's server-side
 * signature is the cost a TLS listener's network threads pay per connection, so a test that wants that cost
 * high asks for a large RSA key. The listener is not advertised: clients of the test connect to
 * {@link #address()} directly, with {@link #clientContext()}.
 */
public record TlsListener(String name, int port, Path keystore, String password) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public TlsListener {
        checkName(name);
    }

    /** A listener name a test may add: upper case, and not one of the harness's own listeners. */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a listener name is upper-case letters, digits and _: " + name);
        }
        if (name.equals(KafkaNode.BROKER_LISTENER) || name.equals(KafkaNode.CONTROLLER_LISTENER)) {
            throw new IllegalArgumentException("listener " + name + " is the harness's own");
        }
        return name;
    }

    /** Writes a keystore with a new self-signed RSA key of {@code rsaKeyBits} to {@code keystore}. */
    public static TlsListener create(String name, int port, Path keystore, int rsaKeyBits) {
        if (rsaKeyBits < 2048) {
            throw new IllegalArgumentException("RSA keys below 2048 bits are refused by the JDK's TLS: " + rsaKeyBits);
        }
        String password = "brokerwatch-" + name.toLowerCase(Locale.ROOT);
        try {
            Files.deleteIfExists(keystore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ManagedProcess.Result r = ManagedProcess.run("keytool-" + name.toLowerCase(Locale.ROOT), List.of(
                keytool.toString(), "-genkeypair", "-noprompt", "-alias", "broker",
                "-keyalg", "RSA", "-keysize", Integer.toString(rsaKeyBits), "-sigalg", "SHA256withRSA",
                "-validity", "3650", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toAbsolutePath().toString(),
                "-storepass", password, "-keypass", password),
                keystore.toAbsolutePath().getParent(), keystore.resolveSibling(keystore.getFileName() + ".log"),
                Duration.ofMinutes(2));
        if (r.exitCode() != 0 || !Files.isRegularFile(keystore)) {
            throw new IllegalStateException("keytool could not create " + keystore + " (exit " + r.exitCode() + "):\n"
                    + r.output());
        }
        return new TlsListener(name, port, keystore, password);
    }

    /** {@code NAME://127.0.0.1:port}, as {@code listeners} lists it. */
    public String listenerEntry() {
        return name + "://" + LoopbackPorts.address(port);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * The broker properties of this listener, with the keystore where the broker sees it
     * ({@code keystoreLocation}: the host path, or the path inside a container).
     */
    public Map<String, String> serverProperties(String keystoreLocation) {
        String prefix = "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        p.put(prefix + "ssl.keystore.location", keystoreLocation);
        p.put(prefix + "ssl.keystore.password", password);
        p.put(prefix + "ssl.key.password", password);
        return p;
    }

    /**
     * Creates the listeners {@code specs} (name to RSA key bits) of one node, with their keystores in
     * {@code nodeDir}, and adds them to its properties; {@code brokerPath} says where the broker sees a keystore.
     * Only a broker can have one.
     */
    public static Map<String, TlsListener> addAll(String nodeName, boolean broker, Map<String, Integer> specs,
            Path nodeDir, Map<String, String> props, Function<Path, String> brokerPath) {
        if (!specs.isEmpty() && !broker) {
            throw new IllegalArgumentException("a TLS listener needs a broker: " + nodeName + " has no broker role");
        }
        Map<String, TlsListener> created = new LinkedHashMap<>();
        specs.forEach((name, bits) -> {
            Path keystore = nodeDir.resolve("tls-" + name.toLowerCase(Locale.ROOT) + ".p12");
            TlsListener listener = create(name, LoopbackPorts.freePort(), keystore, bits);
            listener.addTo(props, brokerPath.apply(keystore));
            created.put(name, listener);
        });
        return created;
    }

    /** Listener {@code name} of node {@code nodeId} among a cluster's (node id to name to listener). */
    public static TlsListener of(Map<Integer, Map<String, TlsListener>> byNode, int nodeId, String name) {
        TlsListener l = byNode.getOrDefault(nodeId, Map.of()).get(name);
        if (l == null) {
            throw new IllegalArgumentException("node-" + nodeId + " has no TLS listener " + name + ": "
                    + byNode.getOrDefault(nodeId, Map.of()).keySet());
        }
        return l;
    }

    /** Adds this listener to a node's {@code listeners} and {@code listener.security.protocol.map}. */
    private void addTo(Map<String, String> props, String keystoreLocation) {
        props.merge("listeners", listenerEntry(), (a, b) -> a + "," + b);
        props.merge("listener.security.protocol.map", name + ":SSL", (a, b) -> a + "," + b);
        props.putAll(serverProperties(keystoreLocation));
    }

    /** A client TLS context that trusts exactly this listener's certificate. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            // the PKIX trust manager trusts the certificate of a key entry too
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + keystore, e);
        }
    }
}
