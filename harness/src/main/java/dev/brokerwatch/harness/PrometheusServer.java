package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus ({@code prometheus} on the PATH, e.g. from Debian's package, or
 * {@code -Dbrokerwatch.prometheus.bin}) on a free 127.0.0.1 port, with a generated config, its TSDB in
 * {@code tests/target/live/<test>/prometheus/data}, and helpers for the HTTP API.
 *
 * <pre>{@code
 * try (PrometheusServer prom = PrometheusServer.builder("MyIT")
 *         .scrapeInterval(Duration.ofSeconds(2)).evaluationInterval(Duration.ofSeconds(2))
 *         .target("kafka", "127.0.0.1:" + node.agentPort("stock"), Map.of("namespace", "kafka", "pod", "node-1"))
 *         .ruleFile(rules)
 *         .start()) {
 *     prom.awaitQuery("up{job=\"kafka\"} == 1", r -> !r.isEmpty(), Duration.ofSeconds(30));
 *     List<PrometheusServer.Alert> alerts = prom.alerts();
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final int port;
    private final Path dir;
    private final Path configFile;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private PrometheusServer(ManagedProcess process, int port, Path dir, Path configFile) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.configFile = configFile;
    }

    public static Builder builder(String testName) {
        return new Builder(testName);
    }

    /** The binary ({@code -Dbrokerwatch.prometheus.bin}, else on the PATH), or an {@link AssertionError} that says how to install it. */
    public static Path binary() {
        return ToolBinary.find("brokerwatch.prometheus.bin", "Debian's prometheus package", "prometheus");
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://" + LoopbackPorts.address(port));
    }

    public Path dir() {
        return dir;
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

    public boolean isRunning() {
        return process.isAlive();
    }

    // ---- HTTP API ----------------------------------------------------------------------------------

    /** GET of an API path ("/api/v1/..."); returns the {@code data} node of a successful answer. */
    public JsonNode api(String pathAndQuery) {
        String body = get(pathAndQuery, 200);
        try {
            JsonNode root = JSON.readTree(body);
            if (!"success".equals(root.path("status").asText())) {
                throw new IllegalStateException("GET " + pathAndQuery + ": " + body);
            }
            return root.path("data");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " did not answer JSON: " + body, e);
        }
    }

    private String get(String pathAndQuery, int expectedStatus) {
        HttpRequest req = HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).timeout(HTTP_TIMEOUT).GET().build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != expectedStatus) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + res.statusCode() + ": "
                        + res.body());
            }
            return res.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An instant query ({@code /api/v1/query}); a scalar result is one sample without labels. */
    public List<VectorSample> query(String promql) {
        JsonNode data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        String type = data.path("resultType").asText();
        List<VectorSample> out = new ArrayList<>();
        switch (type) {
            case "vector":
                for (JsonNode r : data.path("result")) {
                    out.add(new VectorSample(stringMap(r.path("metric")), number(r.path("value").path(1))));
                }
                break;
            case "scalar":
                out.add(new VectorSample(Map.of(), number(data.path("result").path(1))));
                break;
            default:
                throw new IllegalStateException("query " + promql + ": result type " + type
                        + " is not supported here (use api())");
        }
        return out;
    }

    /** The value of a query that returns exactly one sample; empty when it returns none. */
    public OptionalDouble queryValue(String promql) {
        List<VectorSample> r = query(promql);
        if (r.size() > 1) {
            throw new IllegalStateException("query " + promql + " returned " + r.size() + " samples: " + r);
        }
        return r.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(r.get(0).value());
    }

    /** Polls {@link #query(String)} until {@code done} holds (bounded); returns the last result. */
    public List<VectorSample> awaitQuery(String promql, Predicate<List<VectorSample>> done, Duration timeout) {
        return await("query " + promql, timeout, () -> query(promql), done);
    }

    /** {@code /api/v1/alerts}: pending and firing alerts. */
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (JsonNode a : api("/api/v1/alerts").path("alerts")) {
            out.add(new Alert(stringMap(a.path("labels")), stringMap(a.path("annotations")),
                    a.path("state").asText(), a.path("activeAt").asText(null), a.path("value").asText(null)));
        }
        return out;
    }

    /** Polls {@link #alerts()} until {@code done} holds (bounded); returns the last result. */
    public List<Alert> awaitAlerts(Predicate<List<Alert>> done, Duration timeout) {
        return await("alerts", timeout, this::alerts, done);
    }

    /** {@code /api/v1/targets}: the active targets. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (JsonNode t : api("/api/v1/targets?state=active").path("activeTargets")) {
            out.add(new Target(stringMap(t.path("labels")), stringMap(t.path("discoveredLabels")),
                    t.path("scrapePool").asText(), t.path("scrapeUrl").asText(), t.path("health").asText(),
                    t.path("lastError").asText("")));
        }
        return out;
    }

    /** Waits until every active target has health "up" (bounded). */
    public List<Target> awaitTargetsUp(Duration timeout) {
        return await("all targets up", timeout, this::targets,
                ts -> !ts.isEmpty() && ts.stream().allMatch(t -> "up".equals(t.health())));
    }

    /** {@code /api/v1/rules}: the loaded rule groups (raw JSON). */
    public JsonNode rules() {
        return api("/api/v1/rules");
    }

    /** Re-reads the config and rule files ({@code POST /-/reload}). */
    public void reload() {
        HttpRequest req = HttpRequest.newBuilder(baseUri().resolve("/-/reload")).timeout(HTTP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("reload answered " + res.statusCode() + ": " + res.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Bounded polling: calls {@code probe} every 500 ms until {@code done} holds, else fails with the last value. */
    public <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited (code " + process.exitCode().orElse(-1)
                        + ") while waiting for " + what + ":\n" + process.tail(30));
            }
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; last result: " + last);
                if (lastError != null) {
                    failure.addSuppressed(lastError);
                }
                throw failure;
            }
            KafkaNode.sleep(500);
        }
    }

    private static Map<String, String> stringMap(JsonNode obj) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return Collections.unmodifiableMap(out);
    }

    private static double number(JsonNode n) {
        String s = n.asText();
        switch (s) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    /** SIGTERM, bounded wait, SIGKILL. */
    @Override
    public void close() {
        process.stop();
    }

    /** One sample of an instant vector. */
    public record VectorSample(Map<String, String> labels, double value) {}

    /** One alert of {@code /api/v1/alerts}: state is "pending" or "firing". */
    public record Alert(Map<String, String> labels, Map<String, String> annotations, String state, String activeAt,
            String value) {
        public String name() {
            return labels.get("alertname");
        }

        public boolean isFiring() {
            return "firing".equals(state);
        }
    }

    /** One active target of {@code /api/v1/targets}. */
    public record Target(Map<String, String> labels, Map<String, String> discoveredLabels, String scrapePool,
            String scrapeUrl, String health, String lastError) {}

    /** A scrape job: name, static targets ({@code host:port}), static labels, metrics path. */
    public record ScrapeJob(String name, List<String> targets, Map<String, String> labels, String metricsPath) {
        public ScrapeJob {
            targets = List.copyOf(targets);
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    public static final class Builder {
        private final String testName;
        private Duration scrapeInterval = Duration.ofSeconds(5);
        private Duration evaluationInterval = Duration.ofSeconds(5);
        private Duration scrapeTimeout;
        private final Map<String, List<ScrapeJob>> jobs = new LinkedHashMap<>();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<String> alertmanagers = new ArrayList<>();
        private final Map<String, String> externalLabels = new TreeMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private String dirName = "prometheus";

        private Builder(String testName) {
            HarnessPaths.liveDir(testName); // validates
            this.testName = testName;
        }

        public Builder scrapeInterval(Duration d) {
            this.scrapeInterval = d;
            return this;
        }

        public Builder evaluationInterval(Duration d) {
            this.evaluationInterval = d;
            return this;
        }

        /** Default: the scrape interval, at most 10 s. */
        public Builder scrapeTimeout(Duration d) {
            this.scrapeTimeout = d;
            return this;
        }

        /** A static target {@code host:port} in job {@code job}, with extra labels (namespace, pod, ...). */
        public Builder target(String job, String hostPort, Map<String, String> labels) {
            return target(job, hostPort, labels, "/metrics");
        }

        public Builder target(String job, String hostPort, Map<String, String> labels, String metricsPath) {
            if (!hostPort.startsWith(LoopbackPorts.HOST + ":") && !hostPort.startsWith("localhost:")) {
                throw new IllegalArgumentException("targets must be on loopback: " + hostPort);
            }
            jobs.computeIfAbsent(job, k -> new ArrayList<>())
                    .add(new ScrapeJob(job, List.of(hostPort), labels, metricsPath));
            return this;
        }

        public Builder ruleFile(Path file) {
            ruleFiles.add(file.toAbsolutePath());
            return this;
        }

        public Builder externalLabel(String name, String value) {
            externalLabels.put(name, value);
            return this;
        }

        public Builder startupTimeout(Duration d) {
            this.startupTimeout = d;
            return this;
        }

        /** The directory under {@code tests/target/live/<test>/} (default "prometheus"), for several servers in one test. */
        /** An Alertmanager ({@code host:port}) that Prometheus sends its alerts to, through API v2. */
        public Builder alertmanager(String hostPort) {
            alertmanagers.add(hostPort);
            return this;
        }

        public Builder dirName(String name) {
            this.dirName = name;
            return this;
        }

        String config() {
            Duration timeout = scrapeTimeout != null ? scrapeTimeout
                    : (scrapeInterval.compareTo(Duration.ofSeconds(10)) < 0 ? scrapeInterval : Duration.ofSeconds(10));
            StringBuilder y = new StringBuilder();
            y.append("# written by brokerwatch's PrometheusServer\n");
            y.append("global:\n");
            y.append("  scrape_interval: ").append(promDuration(scrapeInterval)).append('\n');
            y.append("  scrape_timeout: ").append(promDuration(timeout)).append('\n');
            y.append("  evaluation_interval: ").append(promDuration(evaluationInterval)).append('\n');
            if (!externalLabels.isEmpty()) {
                y.append("  external_labels:\n");
                externalLabels.forEach((k, v) -> y.append("    ").append(k).append(": ").append(quote(v)).append('\n'));
            }
            if (!alertmanagers.isEmpty()) {
                y.append("alerting:\n");
                y.append("  alertmanagers:\n");
                y.append("    - api_version: v2\n");
                y.append("      static_configs:\n");
                alertmanagers.forEach(a -> y.append("        - targets: [").append(quote(a)).append("]\n"));
            }
            if (!ruleFiles.isEmpty()) {
                y.append("rule_files:\n");
                ruleFiles.forEach(f -> y.append("  - ").append(quote(f.toString())).append('\n'));
            }
            y.append("scrape_configs:\n");
            jobs.forEach((job, list) -> {
                y.append("  - job_name: ").append(quote(job)).append('\n');
                y.append("    metrics_path: ").append(quote(list.get(0).metricsPath())).append('\n');
                y.append("    static_configs:\n");
                for (ScrapeJob j : list) {
                    y.append("      - targets: [").append(quote(j.targets().get(0))).append("]\n");
                    if (!j.labels().isEmpty()) {
                        y.append("        labels:\n");
                        j.labels().forEach((k, v) ->
                                y.append("          ").append(k).append(": ").append(quote(v)).append('\n'));
                    }
                }
            });
            return y.toString();
        }

        public PrometheusServer start() {
            Path bin = binary();
            Path dir = HarnessPaths.freshDir(HarnessPaths.liveDir(testName).resolve(dirName));
            Path config = dir.resolve("prometheus.yml");
            try {
                Files.writeString(config, config(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int port = LoopbackPorts.freePort();
            List<String> cmd = List.of(bin.toString(),
                    "--config.file=" + config.toAbsolutePath(),
                    "--storage.tsdb.path=" + dir.resolve("data").toAbsolutePath(),
                    "--web.listen-address=" + LoopbackPorts.address(port),
                    "--web.enable-lifecycle",
                    "--log.level=info");
            ManagedProcess p = ManagedProcess.builder("prometheus", cmd).workDir(dir)
                    .logFile(dir.resolve("prometheus.log")).stopTimeout(Duration.ofSeconds(20)).start();
            PrometheusServer server = new PrometheusServer(p, port, dir, config);
            try {
                server.await("/-/ready", startupTimeout, () -> {
                    server.get("/-/ready", 200);
                    return true;
                }, ok -> ok);
                return server;
            } catch (RuntimeException | Error e) {
                AssertionError failure = new AssertionError("prometheus did not become ready on port " + port + ":\n"
                        + p.tail(30), e);
                try {
                    server.close();
                } catch (RuntimeException suppressed) {
                    failure.addSuppressed(suppressed);
                }
                throw failure;
            }
        }

        private static String quote(String s) {
            try {
                return JSON.writeValueAsString(s); // a JSON string is a valid YAML double-quoted scalar
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        static String promDuration(Duration d) {
            long ms = d.toMillis();
            if (ms <= 0) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
            return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
        }
    }
}
