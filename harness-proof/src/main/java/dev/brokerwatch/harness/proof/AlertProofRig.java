package dev.brokerwatch.harness.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.brokerwatch.harness.containers.TestcontainersKafkaCluster;
import dev.brokerwatch.harness.ClusterNode;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.KafkaClusterSettings;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.PrometheusServer;

/**
 * A live KRaft cluster with an exporter on every node, a real Prometheus scraping every node on loopback
 * with a compiled pack's rule files loaded, and the bookkeeping of a fault: inject, wait (bounded) for the
 * expected alerts in {@code /api/v1/alerts}, repair, wait for them to resolve, and record how long each took.
 *
 * <pre>{@code
 * try (AlertProofRig rig = AlertProofRig.builder("MyFaultIT").combinedNodes(3).start()) {
 *     AlertProofRig.Fault f = rig.fault("broker-restart",
 *             Expectation.of("KafkaBrokerDown", "pod", "node-3"));
 *     f.inject(() -> rig.cluster().stopNode(3));
 *     f.awaitFiring(Duration.ofMinutes(2));
 *     f.repair(() -> rig.cluster().startNode(3));
 *     f.awaitResolved(Duration.ofMinutes(2));     // rows go to tests/target/alert-proof.{json,md}
 * }
 * }</pre>
 *
 * <p>The nodes run as local JVMs or in containers ({@link ProofBackend}, default from
 * {@code -Dbrokerwatch.proof.backend}); a scenario written against {@link #cluster()} runs on both.
 *
 * <p>Every scrape target carries the static labels {@code job="kafka"}, {@code namespace="bw-proof"} and
 * {@code pod="node-<id>"}, which is what the curated pack aggregates by. Closing stops Prometheus and every
 * node by its pid, also when the test failed.
 */
public final class AlertProofRig implements AutoCloseable {
    public static final String JOB = "kafka";
    public static final String NAMESPACE = "bw-proof";
    /** How long a node gets after SIGTERM when the rig closes its cluster, before SIGKILL. */
    static final Duration TEARDOWN_GRACE = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String testName;
    private final CompiledPack pack;
    private final ProofAgent agent;
    private final ProofBackend backend;
    private final KafkaCluster cluster;
    private final PrometheusServer prometheus;
    private final AlertDeliveryProof delivery;
    private final String topology;
    // the faults of the current episode (overlapping in time) and when it began; see AlertDeliveryProof
    private final List<Fault> openFaults = new ArrayList<>();
    private final List<Fault> episodeFaults = new ArrayList<>();
    private long episodeStart;

    private AlertProofRig(String testName, CompiledPack pack, ProofAgent agent, ProofBackend backend,
            KafkaCluster cluster, PrometheusServer prometheus, AlertDeliveryProof delivery, String topology) {
        this.testName = testName;
        this.pack = pack;
        this.agent = agent;
        this.backend = backend;
        this.cluster = cluster;
        this.prometheus = prometheus;
        this.delivery = delivery;
        this.topology = topology;
    }

    public static Builder builder(String testName) {
        return new Builder(testName);
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    /**
     * The cluster as local JVMs, for a fault that needs the host's view of a node's process; on another
     * backend the scenario fails here with {@code why}.
     */
    public LocalJvmKafkaCluster localCluster(String why) {
        if (cluster instanceof LocalJvmKafkaCluster local) {
            return local;
        }
        throw new AssertionError(testName + " runs on the local backend only: " + why + " (this run: backend "
                + backend.label() + "; run it with -Dbrokerwatch.proof.backend=local)");
    }

    public PrometheusServer prometheus() {
        return prometheus;
    }

    /** Records a phase of this rig's run ({@link ProofPhases}) that began at {@code startNanos}. */
    public void phase(String scenario, String phase, long startNanos) {
        ProofPhases.record(testName, scenario, phase, startNanos);
    }

    /** The Alertmanager side (null for a pack without an {@code alertmanager/} output). */
    public AlertDeliveryProof delivery() {
        return delivery;
    }

    public CompiledPack pack() {
        return pack;
    }

    public String backend() {
        return backend.label();
    }

    public String kafka() {
        return cluster.version().toString();
    }

    public String topology() {
        return topology;
    }

    /** The labels Prometheus attaches to a node's series: pod is the node's name. */
    public Map<String, String> pod(int nodeId) {
        return Map.of("namespace", NAMESPACE, "pod", cluster.nodeName(nodeId));
    }

    /** A fault of {@code scenario} that must make every expectation fire. */
    public Fault fault(String scenario, Expectation... expected) {
        return new Fault(scenario, List.of(expected));
    }

    public Fault fault(String scenario, List<Expectation> expected) {
        return new Fault(scenario, expected);
    }

    /** The firing and pending alerts now. */
    public List<PrometheusServer.Alert> alerts() {
        return prometheus.alerts();
    }

    /**
     * Healthy-cluster check: for {@code duration} (several evaluation cycles), no alert of the pack is
     * firing. Fails with the first firing alerts seen and what Prometheus returned.
     */
    public void assertNothingFires(String scenario, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int polls = 0;
        while (System.nanoTime() < end) {
            List<PrometheusServer.Alert> alerts = prometheus.alerts();
            polls++;
            List<PrometheusServer.Alert> firing = alerts.stream().filter(PrometheusServer.Alert::isFiring).toList();
            if (!firing.isEmpty()) {
                throw new AssertionError("scenario " + scenario + " (" + describe() + "): expected no alert to fire, but "
                        + firing.stream().map(a -> a.name() + a.labels()).collect(Collectors.joining(", "))
                        + " fired after " + polls + " polls; Prometheus /api/v1/alerts returned: " + alerts);
            }
            sleep(POLL);
        }
        if (delivery != null) {
            List<dev.brokerwatch.harness.WebhookReceiver.Notification> sent = delivery.notifications().stream()
                    .filter(n -> n.receivedAt() - start >= 0 && n.isFiring()).toList(); // a resolution of start-up is no news
            if (!sent.isEmpty()) {
                throw new AssertionError("scenario " + scenario + " (" + describe() + "): expected no notification, but "
                        + "Alertmanager sent " + AlertDeliveryProof.describe(sent));
            }
        }
        phase(scenario, "quiet", start);
    }

    /** Waits (bounded) until none of {@code expected} is pending or firing. */
    public void awaitNotActive(List<Expectation> expected, Duration timeout) {
        prometheus.await("none of " + expected + " pending or firing", timeout, prometheus::alerts,
                alerts -> alerts.stream().noneMatch(a -> expected.stream().anyMatch(e -> e.matches(a))));
    }

    String describe() {
        return "backend " + backend() + ", Kafka " + kafka() + ", " + topology + ", agent " + agent.label();
    }

    /** Stops Prometheus and every node by pid; also writes the report. */
    @Override
    public void close() {
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            prometheus.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (delivery != null) {
                delivery.close();
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        try {
            cluster.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        phase("-", "stop", start);
        try {
            ProofReport.write(pack);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void sleep(Duration d) {
        ClusterNode.sleep(d.toMillis());
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private synchronized void begin(Fault fault) {
        if (openFaults.isEmpty()) {
            episodeStart = System.nanoTime();
            episodeFaults.clear();
        }
        if (!openFaults.contains(fault)) {
            openFaults.add(fault);
            episodeFaults.add(fault);
        }
    }

    /** The last open fault of an episode ended: account for its notifications, and fail on a broken promise. */
    private synchronized void end(Fault fault, boolean resolved) {
        openFaults.remove(fault);
        if (!openFaults.isEmpty() || delivery == null) {
            return;
        }
        boolean allResolved = resolved && episodeFaults.stream().allMatch(f -> f.resolved);
        String scenarios = episodeFaults.stream().map(Fault::scenario).distinct().collect(Collectors.joining("+"));
        AlertDeliveryProof.Episode episode = delivery.close(scenarios, episodeStart, allResolved);
        Map<String, String> outcomes = new LinkedHashMap<>();
        episodeFaults.forEach(f -> outcomes.putAll(f.deliveryOutcome));
        ProofReport.recordEpisode(new ProofReport.EpisodeRow(scenarios, backend(), kafka(), topology, agent.label(),
                outcomes, episode));
        String verdict = episode.verdict(episodeFaults.size());
        List<String> early = outcomes.entrySet().stream()
                .filter(e -> e.getValue().endsWith(AlertDeliveryProof.SENT_BEFORE_ITS_CAUSE)).map(Map.Entry::getKey).toList();
        if (!early.isEmpty()) {
            String symptoms = "symptoms notified before their cause fired (a `for` or group_wait to change): " + early;
            verdict = verdict == null ? symptoms : verdict + "; " + symptoms;
        }
        if (verdict != null) {
            throw new AssertionError("scenario " + scenarios + " (" + describe() + "): " + verdict + "\n" + episode);
        }
    }

    /** One injected fault and the alerts it must fire. */
    public final class Fault {
        private final String scenario;
        private final List<Expectation> expected;
        private final Map<Expectation, PrometheusServer.Alert> fired = new LinkedHashMap<>();
        private final Map<Expectation, Long> firedAt = new LinkedHashMap<>();
        private final Map<String, String> deliveryOutcome = new LinkedHashMap<>();
        private long injectedAt;
        private long repairedAt;
        private boolean resolved;

        private Fault(String scenario, List<Expectation> expected) {
            if (expected.isEmpty()) {
                throw new IllegalArgumentException("a fault needs at least one expected alert");
            }
            for (Expectation e : expected) {
                if (!pack.alerts().containsKey(e.alert())) {
                    throw new IllegalArgumentException("no alert " + e.alert() + " in the pack: " + pack.alerts().keySet());
                }
            }
            this.scenario = scenario;
            this.expected = List.copyOf(expected);
        }

        public String scenario() {
            return scenario;
        }

        /** The names of the alerts this fault expects. */
        public List<String> alertNames() {
            return expected.stream().map(Expectation::alert).distinct().toList();
        }

        /** Runs the fault and starts the clock (just before it runs). */
        public Fault inject(Runnable fault) {
            begin(this);
            injectedAt = System.nanoTime();
            fault.run();
            return this;
        }

        /** Starts the clock now, for a fault already injected by the caller. */
        public Fault injectedNow() {
            begin(this);
            injectedAt = System.nanoTime();
            return this;
        }

        /**
         * Polls {@code /api/v1/alerts} until every expected alert is firing with its labels (bounded); each
         * alert's time is taken when it is first seen firing. While waiting, {@code whileWaiting} runs between
         * polls (e.g. to keep a load going); it may be null.
         */
        public Map<Expectation, PrometheusServer.Alert> awaitFiring(Duration timeout, Runnable whileWaiting) {
            if (injectedAt == 0) {
                throw new IllegalStateException("inject the fault first");
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PrometheusServer.Alert> last = List.of();
            while (true) {
                last = prometheus.alerts();
                long now = System.nanoTime();
                for (Expectation e : expected) {
                    if (!fired.containsKey(e)) {
                        last.stream().filter(a -> a.isFiring() && e.matches(a)).findFirst().ifPresent(a -> {
                            fired.put(e, a);
                            firedAt.put(e, now);
                        });
                    }
                }
                if (fired.size() == expected.size()) {
                    phase(scenario, "fire", injectedAt);
                    return Map.copyOf(fired);
                }
                if (now > deadline) {
                    recordRows(); // what did fire is evidence too
                    List<Expectation> missing = expected.stream().filter(e -> !fired.containsKey(e)).toList();
                    throw new AssertionError("scenario " + scenario + " (" + describe() + "): " + missing
                            + " did not fire within " + timeout + " of the fault (fired: " + fired.keySet()
                            + ").\nPrometheus /api/v1/alerts returned: " + last + "\nrule states: "
                            + ruleStates(missing));
                }
                if (whileWaiting != null) {
                    whileWaiting.run();
                }
                sleep(POLL);
            }
        }

        public Map<Expectation, PrometheusServer.Alert> awaitFiring(Duration timeout) {
            return awaitFiring(timeout, null);
        }

        /**
         * Runs the repair and starts the clock for resolution (just before it runs). With an Alertmanager, first
         * waits (bounded) until every alert that fired was notified or inhibited: a repair faster than the
         * notification would prove nothing about delivery.
         */
        public Fault repair(Runnable repair) {
            long start = System.nanoTime();
            awaitDelivery();
            phase(scenario, "deliver", start);
            repairedAt = System.nanoTime();
            repair.run();
            return this;
        }

        /** Polls until no expected alert is pending or firing (bounded), then records one row per alert. */
        public void awaitResolved(Duration timeout) {
            if (repairedAt == 0) {
                throw new IllegalStateException("repair the fault first");
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<Expectation, Long> resolvedAt = new LinkedHashMap<>();
            List<PrometheusServer.Alert> last;
            while (true) {
                last = prometheus.alerts();
                long now = System.nanoTime();
                for (Expectation e : expected) {
                    if (!resolvedAt.containsKey(e) && last.stream().noneMatch(e::matches)) {
                        resolvedAt.put(e, now);
                    }
                }
                if (resolvedAt.size() == expected.size() || now > deadline) {
                    break;
                }
                sleep(POLL);
            }
            for (Expectation e : expected) {
                PrometheusServer.Alert a = fired.get(e);
                if (a == null) {
                    continue;
                }
                Long r = resolvedAt.get(e);
                ProofReport.record(new ProofReport.Row(e.alert(), scenario, backend(), kafka(), topology,
                        agent.label(), seconds(firedAt.get(e) - injectedAt), r == null ? null : seconds(r - repairedAt),
                        a.labels()));
            }
            if (resolvedAt.size() == expected.size()) {
                resolved = true;
                phase(scenario, "resolve", repairedAt);
                end(this, true);
            }
            if (resolvedAt.size() != expected.size()) {
                List<Expectation> stuck = expected.stream().filter(e -> !resolvedAt.containsKey(e)).toList();
                throw new AssertionError("scenario " + scenario + " (" + describe() + "): " + stuck
                        + " still active " + timeout + " after the repair.\nPrometheus /api/v1/alerts returned: "
                        + last);
            }
        }

        /**
         * Records rows for the alerts that fired, without waiting for resolution (resolved_after_s null); with an
         * Alertmanager, after each was notified or inhibited (the episode's other promises are still checked).
         */
        public void recordWithoutResolution() {
            recordRows();
            awaitDelivery();
            end(this, false);
        }

        private void awaitDelivery() {
            if (delivery != null && deliveryOutcome.isEmpty() && !fired.isEmpty()) {
                deliveryOutcome.putAll(delivery.awaitDeliveredOrInhibited(scenario, fired.values(), episodeStart));
            }
        }

        private void recordRows() {
            for (Expectation e : expected) {
                PrometheusServer.Alert a = fired.get(e);
                if (a != null) {
                    ProofReport.record(new ProofReport.Row(e.alert(), scenario, backend(), kafka(), topology,
                            agent.label(), seconds(firedAt.get(e) - injectedAt), null, a.labels()));
                }
            }
        }

        private String ruleStates(List<Expectation> missing) {
            List<String> out = new ArrayList<>();
            try {
                for (JsonNode g : prometheus.rules().path("groups")) {
                    for (JsonNode r : g.path("rules")) {
                        String name = r.path("name").asText();
                        if (missing.stream().anyMatch(e -> e.alert().equals(name))) {
                            out.add(name + ": state=" + r.path("state").asText() + " health=" + r.path("health").asText()
                                    + (r.path("lastError").asText("").isEmpty() ? "" : " lastError=" + r.path("lastError").asText())
                                    + " query=" + r.path("query").asText());
                        }
                    }
                }
            } catch (RuntimeException ex) {
                out.add("(cannot read /api/v1/rules: " + ex + ")");
            }
            return String.join("\n  ", out);
        }
    }

    public static final class Builder {
        private final String testName;
        private String version;
        private boolean combined = true;
        private int combinedNodes = 3;
        private int controllers;
        private int brokers;
        private CompiledPack pack;
        private ProofAgent agent;
        private String heap = "512m";
        private ProofBackend backend;
        // properties and JVM options, replayed on whichever backend's builder start() picks
        private final List<Consumer<KafkaClusterSettings<?>>> settings = new ArrayList<>();
        private final List<Consumer<LocalJvmKafkaCluster.Builder>> localCustomizers = new ArrayList<>();
        private final List<String> localOnlyReasons = new ArrayList<>();
        private Consumer<KafkaCluster> beforeScraping;

        private Builder(String testName) {
            this.testName = testName;
        }

        /** Kafka version (default: -Dbrokerwatch.proof.kafka.version, else the harness default). */
        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder combinedNodes(int n) {
            this.combined = true;
            this.combinedNodes = n;
            return this;
        }

        public Builder separateRoles(int controllers, int brokers) {
            this.combined = false;
            this.controllers = controllers;
            this.brokers = brokers;
            return this;
        }

        /** The compiled pack whose rules Prometheus loads (default: the curated pack compiled for the cluster's version). */
        public Builder pack(CompiledPack pack) {
            this.pack = pack;
            return this;
        }

        /** The exporter on every node (default: {@link ProofAgent#fromSystemProperty()}). */
        public Builder agent(ProofAgent agent) {
            this.agent = agent;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Local JVMs or containers (default: {@link ProofBackend#fromSystemProperty()}). */
        public Builder backend(ProofBackend backend) {
            this.backend = backend;
            return this;
        }

        /** A server property of every node ({@code null} removes a harness default). */
        public Builder brokerProperty(String key, String value) {
            settings.add(b -> b.brokerProperty(key, value));
            return this;
        }

        /** A server property of one node. */
        public Builder nodeProperty(int nodeId, String key, String value) {
            settings.add(b -> b.nodeProperty(nodeId, key, value));
            return this;
        }

        /** A JVM option of one node. */
        public Builder nodeJvmOption(int nodeId, String option) {
            settings.add(b -> b.nodeJvmOption(nodeId, option));
            return this;
        }

        /** A TLS listener on one broker ({@code KafkaClusterSettings#tlsListener}); {@code cluster().tlsListener(..)}. */
        public Builder tlsListener(int nodeId, String name, int rsaKeyBits) {
            settings.add(b -> b.tlsListener(nodeId, name, rsaKeyBits));
            return this;
        }

        /** A second log directory of one node on a directory of this machine ({@code KafkaClusterSettings#nodeLogDir}). */
        public Builder nodeLogDir(int nodeId, java.nio.file.Path hostDir) {
            settings.add(b -> b.nodeLogDir(nodeId, hostDir));
            return this;
        }

        /**
         * Anything else of a local-JVM cluster (paths on this machine, ...); a rig with this customizer refuses
         * the other backend, naming {@code why}.
         */
        public Builder localCluster(String why, Consumer<LocalJvmKafkaCluster.Builder> customizer) {
            localCustomizers.add(customizer);
            localOnlyReasons.add(why);
            return this;
        }

        /**
         * Set-up that is not the steady state, run once the cluster is up and before Prometheus's first scrape,
         * so that the rules see no history of it: creating a topic moves partition leadership, which
         * KafkaLeaderElectionsFrequent counts over its window, and a scenario would otherwise wait that window out.
         */
        public Builder beforeScraping(Consumer<KafkaCluster> setup) {
            this.beforeScraping = setup;
            return this;
        }

        /** The scenario's fault needs the host's view of a node's process: refuse the other backends, naming {@code why}. */
        public Builder localOnly(String why) {
            localOnlyReasons.add(why);
            return this;
        }

        public AlertProofRig start() {
            long started = System.nanoTime();
            Preload.packageOf(AlertProofRig.class);
            Preload.packageOf(LocalJvmKafkaCluster.class);
            Preload.packageOf(TestcontainersKafkaCluster.class);
            KafkaVersion kv = ProofParams.version(version);
            ProofBackend b = backend != null ? backend : ProofBackend.fromSystemProperty();
            if (b != ProofBackend.LOCAL && !localOnlyReasons.isEmpty()) {
                throw new AssertionError(testName + " runs on the local backend only: "
                        + String.join("; ", localOnlyReasons) + " (this run: backend " + b.label()
                        + "; run it with -Dbrokerwatch.proof.backend=local)");
            }
            CompiledPack p = pack != null ? pack : CompiledPack.curated(kv);
            ProofAgent a = agent != null ? agent : ProofAgent.fromSystemProperty();
            String topology = combined ? "combined-" + combinedNodes : "separate-" + controllers + "c" + brokers + "b";
            KafkaCluster cluster = b == ProofBackend.LOCAL ? startLocal(kv, p, a) : startContainers(kv, p, a);
            PrometheusServer prom = null;
            AlertDeliveryProof delivery = null;
            try {
                ProofPhases.record(testName, "-", "start", started);
                if (beforeScraping != null) {
                    long prepared = System.nanoTime();
                    beforeScraping.accept(cluster);
                    ProofPhases.record(testName, "-", "prepare", prepared);
                }
                long scraping = System.nanoTime();
                delivery = AlertDeliveryProof.start(testName, p);
                PrometheusServer.Builder pb = PrometheusServer.builder(testName)
                        .scrapeInterval(ProofParams.SCRAPE_INTERVAL)
                        .evaluationInterval(ProofParams.EVALUATION_INTERVAL);
                for (int id : cluster.nodeIds()) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("namespace", NAMESPACE);
                    labels.put("pod", cluster.nodeName(id));
                    pb.target(JOB, LoopbackPorts.address(cluster.agentPort(id, ProofAgent.NAME)), labels);
                }
                p.ruleFiles().forEach(pb::ruleFile);
                if (delivery != null) {
                    pb.alertmanager(delivery.alertmanager().address());
                }
                prom = pb.start();
                prom.awaitTargetsUp(Duration.ofSeconds(90));
                ProofPhases.record(testName, "-", "scrape", scraping);
                return new AlertProofRig(testName, p, a, b, cluster, prom, delivery, topology);
            } catch (RuntimeException | Error e) {
                try {
                    if (prom != null) {
                        prom.close();
                    }
                } catch (RuntimeException s) {
                    e.addSuppressed(s);
                }
                try {
                    if (delivery != null) {
                        delivery.close();
                    }
                } catch (RuntimeException s) {
                    e.addSuppressed(s);
                }
                try {
                    cluster.close();
                } catch (RuntimeException s) {
                    e.addSuppressed(s);
                }
                throw e;
            }
        }

        private LocalJvmKafkaCluster startLocal(KafkaVersion kv, CompiledPack p, ProofAgent a) {
            LocalJvmKafkaCluster.Builder cb = configure(LocalJvmKafkaCluster.builder(testName).version(kv)
                    .agent(ProofAgent.NAME, a.attachment(p)));
            localCustomizers.forEach(c -> c.accept(cb));
            // a private copy of the jars: another build re-resolving tests/target/kafka/<v> must not pull
            // them from under running brokers
            cb.distribution(KafkaDistribution.of(kv).snapshotTo(
                    HarnessPaths.targetDir().resolve("proof").resolve("kafka").resolve(kv.toString())));
            return cb.start();
        }

        private TestcontainersKafkaCluster startContainers(KafkaVersion kv, CompiledPack p, ProofAgent a) {
            return configure(TestcontainersKafkaCluster.builder(testName).version(kv)
                    .agent(ProofAgent.NAME, a.containerAgent(p))).start();
        }

        /** The topology, heap and properties of this rig, on either backend's builder. */
        private <B extends KafkaClusterSettings<B>> B configure(B cb) {
            cb.heap(heap);
            // closed after Prometheus and Alertmanager, when nothing watches it any more: a controlled shutdown of
            // every broker would only cost the test its seconds
            cb.teardownGrace(TEARDOWN_GRACE);
            if (combined) {
                cb.combinedNodes(combinedNodes);
            } else {
                cb.separateRoles(controllers, brokers);
            }
            proofDefaults().forEach(cb::brokerProperty);
            settings.forEach(s -> s.accept(cb));
            return cb;
        }

        /** Faster housekeeping than Kafka's defaults, so a repaired fault clears within a test's bounds. */
        private static Map<String, String> proofDefaults() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("log.retention.check.interval.ms", "5000");
            m.put("leader.imbalance.check.interval.seconds", "10");
            return m;
        }
    }
}
