package dev.brokerwatch.tests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.JavaAgentAttachment;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.ManagedProcess;
import dev.brokerwatch.tests.catalog.PackCatalog;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.tests.bench.probe.ProbeAgent;

/**
 * Scrape cost on a live broker, side by side in one JVM: brokerwatch's agent (embedded mapping), the Strimzi Metrics
 * Reporter with the same series allowed, the stock jmx_prometheus_javaagent 1.0.1 with the config brokerwatch
 * generates, and the stock agent with a catch-all config, all in the same combined Kafka node, plus a probe agent
 * ({@code bench.probe}) that measures the floors (the same attributes read in a loop straight from the MBeanServer,
 * and from Kafka's Yammer metric objects), per-thread allocation and the heap brokerwatch's agent retains. Run once per broker size (partitions of RF 1 in topics of up to 1,000 partitions).
 *
 * <pre>
 * scripts/bench-agent.sh [--partitions 2000,10000] [--scrapes 50] [--warmup 5] [--alloc-scrapes 5]
 *                        [--solo-scrapes 20] [--heap 3g] [--profile true]
 * </pre>
 *
 * Not a test: it prints a Markdown table (and writes it to {@code tests/target/bench/results.md}).
 */
public final class ScrapeBenchmark {
    static final String OURS = "brokerwatch";
    static final String STOCK_GENERATED = "stock-generated";
    static final String STOCK_CATCH_ALL = "stock-catch-all";
    static final String REPORTER = "strimzi-reporter";
    static final String PROBE = "probe";
    static final List<String> EXPORTERS = List.of(OURS, REPORTER, STOCK_GENERATED, STOCK_CATCH_ALL);

    /** Threads that serve the exporters' HTTP requests (ours, the stock agent's, the JDK dispatchers) and our scrape helpers. */
    static final Predicate<String> EXPORTER_THREAD = name -> name.startsWith("brokerwatch-http-")
            || name.startsWith("brokerwatch-scrape-")
            || name.startsWith("prometheus-http-") || name.startsWith("HTTP-Dispatcher");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static int soloScrapes = 20;
    private static Path reporterLibs;
    private static List<String> reporterAllowlist;

    private ScrapeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> sizes = Arrays.stream(options.getOrDefault("partitions", "2000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int scrapes = Integer.parseInt(options.getOrDefault("scrapes", "50"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int allocScrapes = Integer.parseInt(options.getOrDefault("alloc-scrapes", "5"));
        String heap = options.getOrDefault("heap", "3g");
        boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
        soloScrapes = Integer.parseInt(options.getOrDefault("solo-scrapes", "20"));
        boolean retainedOnly = Boolean.parseBoolean(options.getOrDefault("retained-only", "false"));
        if (retainedOnly) {
            scrapes = 3;
            warmup = 0;
            allocScrapes = 1;
            soloScrapes = 2;
        }

        String name = retainedOnly ? "bench-retained" : "bench";
        Path out = HarnessPaths.targetDir().resolve(name);
        Files.createDirectories(out);
        Path probeJar = ProbeJar.build(out.resolve("bw-probe.jar"));
        Path reads = out.resolve("floor-reads.tsv");
        Files.writeString(reads, floorReads());
        String generated = Files.readString(PackCatalog.generatedJmxExporterConfig());
        reporterLibs = Path.of(options.getOrDefault("reporter-libs",
                HarnessPaths.targetDir().resolve("strimzi-reporter/libs").toString()));
        reporterAllowlist = StrimziReporterNames.allowlist(floorReads());
        Files.writeString(out.resolve("reporter-allowlist.txt"), String.join("\n", reporterAllowlist) + "\n");

        List<Result> results = new ArrayList<>();
        for (int partitions : sizes) {
            results.add(run(name, partitions, scrapes, warmup, allocScrapes, heap, generated, probeJar, reads, out, profile));
            String table = table(results, scrapes, warmup, allocScrapes);
            Files.writeString(out.resolve("results.md"), table);
        }
        System.out.println(table(results, scrapes, warmup, allocScrapes));
    }

    /** The catalog's JMX reads: one line per ObjectName pattern with every attribute the catalog reads from it. */
    static String floorReads() {
        Map<String, List<String>> byPattern = new TreeMap<>();
        for (CatalogMetric m : PackCatalog.curated().metrics()) {
            if (m.origin() != Origin.JMX) {
                continue;
            }
            for (JmxBinding b : m.jmx()) {
                List<String> attributes = byPattern.computeIfAbsent(b.objectName(), k -> new ArrayList<>());
                List<String> wanted = new ArrayList<>();
                if (b.attribute() != null) {
                    wanted.add(b.attribute());
                }
                wanted.addAll(b.quantiles().values());
                if (b.countAttribute() != null) {
                    wanted.add(b.countAttribute());
                }
                if (b.meanAttribute() != null) {
                    wanted.add(b.meanAttribute());
                }
                wanted.stream().filter(a -> !attributes.contains(a)).forEach(attributes::add);
            }
        }
        StringBuilder text = new StringBuilder();
        byPattern.forEach((pattern, attributes) -> text.append(pattern).append('\t')
                .append(String.join("\t", attributes)).append('\n'));
        return text.toString();
    }

    record Latency(double medianMs, double p99Ms, double meanMs, long bodyBytes, int samples) {}

    record Result(int partitions, int brokerPartitions, Map<String, Latency> latency, Map<String, Latency> solo,
            Map<String, Long> allocated, Map<String, Long> otherThreads, Map<String, Long> cpu,
            Map<String, Long> processCpu, Latency floor, long floorAllocated,
            long floorBeans, Latency inProcessFloor, long inProcessFloorAllocated, long inProcessFloorBeans,
            Latency agentCollect, String retained, long histoBytes, String histoTop,
            Map<String, Integer> sampleCounts) {}

    static Result run(String runName, int partitions, int scrapes, int warmup, int allocScrapes, String heap, String generatedConfig,
            Path probeJar, Path reads, Path out, boolean profile) throws Exception {
        log("broker with " + partitions + " partitions: starting");
        // Kafka's jars plus the Strimzi Metrics Reporter's, in a copy of the distribution of this run's own
        KafkaDistribution withReporter = KafkaDistribution.defaultDistribution()
                .snapshotTo(out.resolve("kafka-with-reporter-" + partitions));
        try (var jars = Files.list(reporterLibs)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, withReporter.libsDir().resolve(jar.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no Strimzi Metrics Reporter jars in " + reporterLibs
                    + ": run scripts/bench-agent.sh, which fetches them (tests/strimzi-reporter/pom.xml)", e);
        }
        int reporterPort = LoopbackPorts.freePort();
        LocalJvmKafkaCluster.Builder builder = LocalJvmKafkaCluster.builder(
                        (runName.equals("bench") ? "ScrapeBenchmark-" : "ScrapeBenchmarkRetained-") + partitions)
                .distribution(withReporter)
                .heap(heap)
                .startupTimeout(Duration.ofMinutes(5))
                // Kafka's JMX reporter stays: without it Kafka's own metrics (raft, socket server, app-info) have no
                // MBeans, and the JMX exporters could not export what the reporter does
                .brokerProperty("metric.reporters", "org.apache.kafka.common.metrics.JmxReporter,"
                        + StrimziReporterNames.KAFKA_REPORTER)
                .brokerProperty("kafka.metrics.reporters", StrimziReporterNames.YAMMER_REPORTER)
                .brokerProperty("prometheus.metrics.reporter.listener", "http://" + LoopbackPorts.HOST + ":" + reporterPort)
                .brokerProperty("prometheus.metrics.reporter.allowlist", String.join(",", reporterAllowlist))
                .teardownGrace(Duration.ofSeconds(60))
                .agent(OURS, BrokerwatchAgentAttachment.embedded())
                .agent(STOCK_GENERATED, StockJmxExporter.isolated(probeJar, generatedConfig, "kafka-jmx-exporter.yaml"))
                .agent(STOCK_CATCH_ALL, StockJmxExporter.isolated(probeJar, StockJmxExporter.CATCH_ALL_CONFIG,
                        "jmx-exporter-catch-all.yaml"))
                .agent(PROBE, (node, port) -> List.of("-javaagent:" + probeJar + "=" + LoopbackPorts.HOST + ":"
                        + port + ":" + reads.toAbsolutePath()));
        for (String pkg : List.of("java.base/java.lang", "java.base/java.util", "java.base/java.util.concurrent",
                "java.base/java.util.concurrent.atomic", "java.base/java.util.concurrent.locks", "java.base/java.net",
                "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.nio.channels.spi",
                "java.base/java.lang.ref", "java.base/java.util.regex", "java.base/java.security",
                "jdk.httpserver/sun.net.httpserver", "jdk.httpserver/com.sun.net.httpserver",
                "java.management/javax.management")) {
            builder.jvmOption("--add-opens=" + pkg + "=ALL-UNNAMED");
        }
        try (LocalJvmKafkaCluster cluster = builder.start(); Workload workload = cluster.workload()) {
            KafkaNode node = cluster.node(1);
            Map<String, Integer> ports = new HashMap<>();
            for (String exporter : EXPORTERS) {
                ports.put(exporter, exporter.equals(REPORTER) ? reporterPort : node.agentPort(exporter));
            }

            int perTopic = 1_000;
            int topics = 0;
            for (int left = partitions; left > 0; left -= perTopic) {
                workload.createTopic(String.format(Locale.ROOT, "bench-%03d", topics++), Math.min(perTopic, left), 1,
                        Map.of("segment.bytes", "1048576", "segment.index.bytes", "1048576"));
            }
            log("created " + partitions + " partitions in " + topics + " topics");
            int brokerPartitions = awaitStable(node.agentPort(OURS));
            log("broker hosts " + brokerPartitions + " partition logs; measuring");
            Map<String, Integer> sampleCounts = new LinkedHashMap<>();
            for (String exporter : EXPORTERS) {
                sampleCounts.put(exporter, Scrape.parse(utf8(timedScrape(ports.get(exporter)).body())).sampleCount());
            }

            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            EXPORTERS.forEach(e -> samples.put(e, new ArrayList<>()));
            for (int round = 0; round < warmup + scrapes; round++) {
                // each round starts one exporter later, so that none always follows the same one (the stock
                // agent leaves up to gigabytes of garbage that G1 cleans up during whichever scrape comes next)
                for (int i = 0; i < EXPORTERS.size(); i++) {
                    String exporter = EXPORTERS.get((round + i) % EXPORTERS.size());
                    long[] s = scrape(ports.get(exporter));
                    if (round >= warmup) {
                        samples.get(exporter).add(s);
                    }
                }
            }
            Map<String, Latency> latency = new LinkedHashMap<>();
            samples.forEach((e, list) -> latency.put(e, latency(list)));

            // solo: each exporter alone, one after the other (no other exporter's garbage being collected meanwhile);
            // for brokerwatch also its self-reported scrape duration (JMX reads and the mapped families' text)
            Map<String, Latency> solo = new LinkedHashMap<>();
            List<long[]> collectTimes = new ArrayList<>();
            for (String exporter : EXPORTERS) {
                List<long[]> list = new ArrayList<>();
                for (int i = 0; i < soloScrapes; i++) {
                    if (exporter.equals(OURS)) {
                        Timed r = timedScrape(ports.get(exporter));
                        list.add(new long[] {r.nanos(), r.body().length});
                        if (i > 0) {
                            collectTimes.add(new long[] {(long) (selfReported(r.body()) * 1e9), 0});
                        }
                    } else {
                        list.add(scrape(ports.get(exporter)));
                    }
                }
                solo.put(exporter, latency(list));
            }
            Latency collect = latency(collectTimes);

            // allocation and CPU: one exporter at a time, the others idle; the exporters' threads before and after,
            // and the whole JVM's CPU (the garbage collection an exporter's allocation causes included)
            Map<String, Long> allocated = new LinkedHashMap<>();
            Map<String, Long> others = new LinkedHashMap<>();
            Map<String, Long> cpu = new LinkedHashMap<>();
            Map<String, Long> processCpu = new LinkedHashMap<>();
            StringBuilder threadLog = new StringBuilder();
            for (String exporter : EXPORTERS) {
                Map<String, long[]> before = threads(node.agentPort(PROBE));
                for (int i = 0; i < allocScrapes; i++) {
                    scrape(ports.get(exporter));
                }
                Map<String, long[]> after = threads(node.agentPort(PROBE));
                long mine = 0;
                long rest = 0;
                long mineCpu = 0;
                for (Map.Entry<String, long[]> t : after.entrySet()) {
                    if (t.getKey().equals(ProbeAgent.PROCESS_CPU)) {
                        continue;
                    }
                    long[] b = before.get(t.getKey());
                    long delta = t.getValue()[0] - (b == null ? 0 : b[0]);
                    String name = t.getKey().substring(t.getKey().indexOf(' ') + 1);
                    if (delta > 1_000_000) {
                        threadLog.append(exporter).append('\t').append(delta).append('\t').append(name).append('\n');
                    }
                    if (name.startsWith(ProbeAgent.THREAD_PREFIX)) {
                        continue;
                    }
                    if (EXPORTER_THREAD.test(name)) {
                        mine += delta;
                        mineCpu += t.getValue()[1] - (b == null ? 0 : b[1]);
                    } else {
                        rest += delta;
                    }
                }
                allocated.put(exporter, mine / allocScrapes);
                others.put(exporter, rest / allocScrapes);
                cpu.put(exporter, mineCpu / allocScrapes);
                String process = ProbeAgent.PROCESS_CPU;
                processCpu.put(exporter, (after.get(process)[1] - before.get(process)[1]) / allocScrapes);
            }
            Files.writeString(out.resolve("threads-" + partitions + ".tsv"), threadLog.toString());

            // the floors, inside the broker JVM: through the MBean server, and from Kafka's Yammer registry
            long[] jmxFloor = new long[2];
            Latency floor = floor(get(node.agentPort(PROBE), "/floor?loops=" + scrapes + "&warmup=" + warmup),
                    jmxFloor);
            long beans = jmxFloor[1];
            long floorAllocated = jmxFloor[0];
            long[] inProcessFloorFacts = new long[2];
            Latency inProcessFloor = floor(get(node.agentPort(PROBE),
                    "/floor-in-process?loops=" + scrapes + "&warmup=" + warmup), inProcessFloorFacts);


            if (profile) {
                profile(node, scrapes, out.resolve("brokerwatch-" + partitions + ".jfr"));
            }
            String retained = get(node.agentPort(PROBE), "/retained");
            Files.writeString(out.resolve("retained-" + partitions + ".txt"), retained);
            long[] histo = new long[1];
            String histoTop = histo(node.pid().orElseThrow(), out.resolve("histo-" + partitions + ".txt"), histo);
            log("done with " + partitions + " partitions");
            return new Result(partitions, brokerPartitions, latency, solo, allocated, others, cpu, processCpu, floor,
                    floorAllocated,
                    beans, inProcessFloor, inProcessFloorFacts[0], inProcessFloorFacts[1], collect, retained, histo[0], histoTop, sampleCounts);
        }
    }

    /** A floor's loops (lines {@code <nanos> <allocated> <beans> <values>}): latency; {median allocated, beans}. */
    private static Latency floor(String text, long[] facts) {
        List<long[]> loops = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split(" ");
            loops.add(new long[] {Long.parseLong(f[0]), 0});
            allocated.add(Long.parseLong(f[1]));
            facts[1] = Long.parseLong(f[2]);
        }
        allocated.sort(null);
        facts[0] = allocated.isEmpty() ? -1 : allocated.get(allocated.size() / 2);
        return latency(loops);
    }

    /**
     * The stock agent in a class loader of its own, started by the probe jar: two copies of jmx_prometheus_javaagent
     * on the system class path would share its static registry, and the second would fail and exit the JVM.
     */

    /** JFR (profile settings) around {@code scrapes} scrapes of brokerwatch's agent, for `jfr print`. */
    private static void profile(KafkaNode node, int scrapes, Path file) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String pid = Long.toString(node.pid().orElseThrow());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        ManagedProcess.run("jcmd", List.of(jcmd.toString(), pid, "JFR.start", "name=bw", "settings=profile",
                "filename=" + file.toAbsolutePath()), file.getParent(), log, Duration.ofMinutes(1));
        for (int i = 0; i < scrapes; i++) {
            scrape(node.agentPort(OURS));
        }
        ManagedProcess.run("jcmd", List.of(jcmd.toString(), pid, "JFR.stop", "name=bw"), file.getParent(), log,
                Duration.ofMinutes(1));
        log("profile of " + scrapes + " scrapes: " + file);
    }

    /** Waits until our agent's kafka_log_log_size series stop changing; returns how many there are. */
    private static int awaitStable(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int previous = -1;
        while (System.nanoTime() < deadline) {
            int now = Scrape.metrics(port).samples("kafka_log_log_size").size();
            if (now == previous) {
                return now;
            }
            previous = now;
            Thread.sleep(3_000);
        }
        return previous;
    }

    /** One GET /metrics: {nanos, body bytes}. */
    static long[] scrape(int port) throws IOException, InterruptedException {
        Timed t = timedScrape(port);
        return new long[] {t.nanos(), t.body().length};
    }

    /** A scrape's body and its wall time, from sending the request to the last body byte. */
    record Timed(long nanos, byte[] body) {}

    static Timed timedScrape(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.address(port) + "/metrics"))
                .header("Accept", Scrape.ACCEPT_TEXT).timeout(Duration.ofSeconds(120)).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape of port " + port + " answered " + response.statusCode());
        }
        return new Timed(nanos, response.body());
    }

    /** brokerwatch_scrape_duration_seconds in a scrape body (the previous scrape's collect time). */
    static double selfReported(byte[] body) {
        String text = utf8(body);
        int at = text.indexOf("\nbrokerwatch_scrape_duration_seconds ");
        if (at < 0) {
            return Double.NaN;
        }
        int start = at + "\nbrokerwatch_scrape_duration_seconds ".length();
        int end = text.indexOf('\n', start);
        return Double.parseDouble(text.substring(start, end).trim());
    }

    static String get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.address(port) + path))
                .timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Per thread ("id name"): {allocated bytes, CPU nanos}; and "process-cpu": {0, the JVM's CPU nanos}. */
    private static Map<String, long[]> threads(int probePort) throws IOException, InterruptedException {
        Map<String, long[]> out = new HashMap<>();
        for (String line : get(probePort, "/threads").split("\n")) {
            String[] f = line.split("\t", 4);
            if (f.length == 2 && f[0].equals(ProbeAgent.PROCESS_CPU)) {
                out.put(f[0], new long[] {0, Long.parseLong(f[1])});
            } else if (f.length == 4) {
                out.put(f[0] + " " + f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    static Latency latency(List<long[]> samples) {
        if (samples.isEmpty()) {
            return new Latency(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        long[] nanos = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        double median = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6;
        double mean = Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        long bytes = samples.get(samples.size() - 1)[1];
        return new Latency(median, p99, mean, bytes, nanos.length);
    }

    /** {@code jmap -histo:live}: the bytes of classes under dev.brokerwatch.agent (shaded libraries included). */
    private static String histo(long pid, Path file, long[] total) throws IOException {
        Path jmap = Path.of(System.getProperty("java.home"), "bin", "jmap");
        ManagedProcess.Result r = ManagedProcess.run("jmap", List.of(jmap.toString(), "-histo:live",
                Long.toString(pid)), file.getParent(), file, Duration.ofMinutes(5));
        StringBuilder top = new StringBuilder();
        long bytes = 0;
        for (String line : r.output().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[3].startsWith("dev.brokerwatch.agent")) {
                long b = Long.parseLong(f[2]);
                bytes += b;
                if (top.length() < 600) {
                    top.append(f[3]).append(' ').append(b).append("; ");
                }
            }
        }
        total[0] = bytes;
        return top.toString();
    }

    static String table(List<Result> results, int scrapes, int warmup, int allocScrapes) {
        StringBuilder t = new StringBuilder();
        t.append("Kafka 4.1.2, one combined node, ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs; ").append(scrapes).append(" scrapes per exporter round-robin after ").append(warmup)
                .append(" warm-up rounds; solo: ").append(soloScrapes).append(" scrapes of one exporter at a time")
                .append("; allocation over ").append(allocScrapes).append(" scrapes of one exporter; ")
                .append(Instant.now()).append("\n\n");
        t.append("| partitions | exporter | median ms | p99 ms | solo median ms | solo p99 ms | samples | body bytes | "
                + "allocated per scrape | CPU ms per scrape (exporter threads) | CPU ms per scrape (whole JVM) |\n");
        t.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            for (String e : EXPORTERS) {
                Latency l = r.latency().get(e);
                Latency solo = r.solo().get(e);
                t.append(String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %,d | %,d | %s | %.1f | %.1f |%n",
                        r.partitions(), e, l.medianMs(), l.p99Ms(), solo.medianMs(), solo.p99Ms(),
                        r.sampleCounts().get(e), l.bodyBytes(), mb(r.allocated().get(e)), r.cpu().get(e) / 1e6,
                        r.processCpu().get(e) / 1e6));
            }
            t.append(String.format(Locale.ROOT, "| %,d | brokerwatch reads (self-reported) | – | – | %.1f | "
                    + "%.1f | – | – | – | – | – |%n", r.partitions(), r.agentCollect().medianMs(), r.agentCollect().p99Ms()));
            t.append(String.format(Locale.ROOT, "| %,d | floor: getAttributes loop (%,d MBeans) | – | – | %.1f | %.1f "
                    + "| – | – | %s | – | – |%n", r.partitions(), r.floorBeans(), r.floor().medianMs(), r.floor().p99Ms(),
                    mb(r.floorAllocated())));
            t.append(String.format(Locale.ROOT, "| %,d | in-process floor: Kafka's Yammer metrics read from the objects"
                    + " (%,d MBeans; the rest getAttributes) | – | – | %.1f | %.1f | – | – | %s | – | – |%n", r.partitions(),
                    r.inProcessFloorBeans(), r.inProcessFloor().medianMs(), r.inProcessFloor().p99Ms(),
                    mb(r.inProcessFloorAllocated())));
        }
        t.append("\n| partitions | reporter / brokerwatch (round-robin median) | (solo median) | (p99) | "
                + "stock generated / brokerwatch (round-robin median) | (solo median) | "
                + "brokerwatch / floor (solo median) | brokerwatch / in-process floor (solo median) | brokerwatch retained heap | jmap -histo:live dev.brokerwatch.agent.* |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            double ours = r.latency().get(OURS).medianMs();
            double oursSolo = r.solo().get(OURS).medianMs();
            t.append(String.format(Locale.ROOT, "| %,d | %.1fx | %.1fx | %.1fx | %.1fx | %.1fx | %.2fx | %.2fx | %s | %s |%n",
                    r.partitions(), r.latency().get(REPORTER).medianMs() / ours,
                    r.solo().get(REPORTER).medianMs() / oursSolo,
                    r.latency().get(REPORTER).p99Ms() / r.latency().get(OURS).p99Ms(),
                    r.latency().get(STOCK_GENERATED).medianMs() / ours,
                    r.solo().get(STOCK_GENERATED).medianMs() / oursSolo, oursSolo / r.floor().medianMs(),
                    oursSolo / r.inProcessFloor().medianMs(),
                    mb(retainedBytes(r.retained())), mb(r.histoBytes())));
        }
        t.append("\nOther threads of the broker allocated per scrape window (noise reference): ");
        for (Result r : results) {
            t.append(r.partitions()).append(": ").append(r.otherThreads()).append("; ");
        }
        t.append('\n');
        return t.toString();
    }

    private static long retainedBytes(String retained) {
        for (String line : retained.split("\n")) {
            if (line.startsWith("bytes ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return -1;
    }

    private static String mb(Long bytes) {
        if (bytes == null || bytes < 0) {
            return "–";
        }
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--partitions 2000,10000] [--scrapes N] [--warmup N] "
                        + "[--alloc-scrapes N] [--solo-scrapes N] [--heap 3g] [--profile true] [--retained-only true]; got " + String.join(" ", args));
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static void log(String message) {
        System.err.println("[bench " + Instant.now() + "] " + message);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
