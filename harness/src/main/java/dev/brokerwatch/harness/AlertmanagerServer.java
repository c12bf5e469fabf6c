package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A real Alertmanager ({@code prometheus-alertmanager} or {@code alertmanager} on the PATH, or {@code -Dbrokerwatch.alertmanager.bin})
 * on a free 127.0.0.1 port, clustering off, loaded with a config fragment as {@code brokerwatch compile} writes it
 * ({@code alertmanager/alertmanager.yml}: route, receivers without integrations, inhibit rules) in which every
 * receiver is given one webhook integration, e.g. a {@link WebhookReceiver}'s URL, with {@code send_resolved}.
 * Nothing else of the fragment is changed: the route tree, its timing and the inhibit rules are the compiled ones.
 */
public final class AlertmanagerServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ManagedProcess process;
    private final int port;
    private final Path configFile;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private AlertmanagerServer(ManagedProcess process, int port, Path configFile) {
        this.process = process;
        this.port = port;
        this.configFile = configFile;
    }

    /**
     * The binary ({@code -Dbrokerwatch.alertmanager.bin}, else Debian's {@code prometheus-alertmanager} or upstream's
     * {@code alertmanager} on the PATH), or an {@link AssertionError} that says how to install it.
     */
    public static Path binary() {
        return ToolBinary.find("brokerwatch.alertmanager.bin", "Debian's prometheus-alertmanager package",
                "prometheus-alertmanager", "alertmanager");
    }

    /**
     * Starts Alertmanager on {@code fragment} with {@code webhookUrl.apply(receiverName)} as every receiver's
     * integration. Logs and data go to {@code tests/target/live/<test>/alertmanager/}.
     */
    public static AlertmanagerServer start(String testName, Path fragment, Function<String, String> webhookUrl) {
        Path bin = binary();
        Path dir = HarnessPaths.freshDir(HarnessPaths.liveDir(testName).resolve("alertmanager"));
        Path config = dir.resolve("alertmanager.yml");
        try {
            Files.writeString(config, withWebhooks(fragment, webhookUrl), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LoopbackPorts.freePort();
        List<String> cmd = List.of(bin.toString(),
                "--config.file=" + config.toAbsolutePath(),
                "--storage.path=" + dir.resolve("data").toAbsolutePath(),
                "--web.listen-address=" + LoopbackPorts.address(port),
                "--cluster.listen-address=", // no gossip: one instance, no port on any other address
                "--log.level=debug");
        ManagedProcess p = ManagedProcess.builder("alertmanager", cmd).workDir(dir)
                .logFile(dir.resolve("alertmanager.log")).stopTimeout(Duration.ofSeconds(10)).start();
        AlertmanagerServer server = new AlertmanagerServer(p, port, config);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!server.ready()) {
                if (!p.isAlive()) {
                    throw new AssertionError("alertmanager exited (code " + p.exitCode().orElse(-1) + "):\n" + p.tail(30));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("alertmanager did not become ready on port " + port + " in 30 s:\n" + p.tail(30));
                }
                KafkaNode.sleep(200);
            }
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The fragment with one webhook per receiver; JSON, which Alertmanager reads as YAML. */
    @SuppressWarnings("unchecked")
    static String withWebhooks(Path fragment, Function<String, String> webhookUrl) {
        Map<String, Object> config;
        try (Reader r = Files.newBufferedReader(fragment, StandardCharsets.UTF_8)) {
            config = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fragment, e);
        }
        List<Object> receivers = new ArrayList<>();
        for (Object o : (List<Object>) config.get("receivers")) {
            Map<String, Object> receiver = new LinkedHashMap<>((Map<String, Object>) o);
            Map<String, Object> webhook = new LinkedHashMap<>();
            webhook.put("url", webhookUrl.apply((String) receiver.get("name")));
            webhook.put("send_resolved", true);
            receiver.put("webhook_configs", List.of(webhook));
            receivers.add(receiver);
        }
        config.put("receivers", receivers);
        try {
            return JSON.writeValueAsString(config) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return LoopbackPorts.address(port);
    }

    public Path configFile() {
        return configFile;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    private boolean ready() {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/-/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The alerts Alertmanager holds now ({@code /api/v2/alerts}), inhibited and silenced ones included: each with
     * {@code status.state} ({@code active} or {@code suppressed}) and {@code status.inhibitedBy}.
     */
    public JsonNode alerts() {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://" + address()
                    + "/api/v2/alerts")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v2/alerts answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /api/v2/alerts failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM, bounded wait, SIGKILL. */
    @Override
    public void close() {
        process.stop();
    }
}
