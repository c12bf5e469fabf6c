package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.Workload;

/**
 * The agent's two read paths on a live broker: {@code /metrics} reads Kafka's Yammer metrics in process, {@code
 * /metrics?read=jmx} reads every MBean through the MBean server, with the same plan and writer. After real traffic,
 * with the broker quiet, every series either path writes is written by the other, and every line whose value did
 * not move between two in-process scrapes taken around the server's scrape is byte for byte the server's line. Most
 * MBeans must actually be read in process (else the comparison proves nothing). Runs on every version of {@link
 * KafkaVersion#matrix()}.
 */
class InProcessReadsIT {
    private static final String OURS = "bw";
    private static final String TOPIC = "bw-in-process";
    private static final int ROUNDS = 6;
    private static final Pattern READS = Pattern.compile(
            "\"reads\":\\{\"in_process\":(\\d+),\"mbean_server\":(\\d+),\"in_process_source\":(null|\"[^\"]*\")}");

    static List<KafkaVersion> versions() {
        return KafkaVersion.matrix();
    }

    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("versions")
    @Timeout(300)
    void kafkasMetricsReadInProcessAreWhatTheMBeanServerAnswers(KafkaVersion version) throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("InProcessReadsIT-" + version)
                .version(version)
                .agent(OURS, BrokerwatchAgentAttachment.embedded())
                .start()) {
            KafkaNode node = cluster.node(1);
            int port = node.agentPort(OURS);
            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 12, 1);
                workload.produce(TOPIC, 3_000, 200);
                assertThat(workload.consume(TOPIC, "bw-in-process-group", 3_000, Duration.ofSeconds(60)))
                        .isEqualTo(3_000);
            }

            String about = get(port, "/about?reads=count");
            Files.writeString(cluster.dir().resolve("about.json"), about);
            Matcher reads = READS.matcher(about);
            assertThat(reads.find()).as("/about?reads=count").isTrue();
            int inProcess = Integer.parseInt(reads.group(1));
            int mbeanServer = Integer.parseInt(reads.group(2));
            assertThat(reads.group(3)).as("what is read in process").isEqualTo("\"Kafka's Yammer registry\"");
            assertThat(inProcess).as("MBeans read in process (of %d)", inProcess + mbeanServer)
                    .isGreaterThan(9 * (inProcess + mbeanServer) / 10);
            assertThat(mbeanServer).as("MBeans of Kafka's own metrics (raft, socket server): through the server")
                    .isPositive();

            // lazily made MBeans and moving values: compare until a round is clean (bounded)
            Comparison comparison = null;
            for (int round = 0; round < ROUNDS && (comparison == null || !comparison.clean()); round++) {
                if (round > 0) {
                    Thread.sleep(1_000);
                }
                String before = get(port, "/metrics");
                String throughServer = get(port, "/metrics?read=jmx");
                String after = get(port, "/metrics");
                comparison = compare(before, throughServer, after);
                Files.writeString(cluster.dir().resolve("in-process.txt"), before);
                Files.writeString(cluster.dir().resolve("mbean-server.txt"), throughServer);
            }
            Files.writeString(cluster.dir().resolve("comparison.txt"), "series " + comparison.series()
                    + ", compared byte for byte " + comparison.compared() + ", problems " + comparison.problems() + "\n");
            assertThat(comparison.problems()).as("in process vs. through the MBean server; scrapes in %s",
                    cluster.dir()).isEmpty();
            assertThat(comparison.compared()).as("series whose value held still, compared byte for byte")
                    .isGreaterThan(300);
            assertThat(comparison.compared()).as("most series hold still on a quiet broker")
                    .isGreaterThan(comparison.series() * 8 / 10);
        }
    }

    /** Series (name and labels as written) of both paths, and for still ones, whether the lines are equal. */
    record Comparison(List<String> problems, int series, int compared) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    static Comparison compare(String before, String throughServer, String after) {
        Map<String, String> first = mappedLines(before);
        Map<String, String> server = mappedLines(throughServer);
        Map<String, String> second = mappedLines(after);
        List<String> problems = new ArrayList<>();
        TreeSet<String> onlyInProcess = new TreeSet<>(first.keySet());
        onlyInProcess.retainAll(second.keySet());
        onlyInProcess.removeAll(server.keySet());
        TreeSet<String> onlyServer = new TreeSet<>(server.keySet());
        onlyServer.removeAll(first.keySet());
        onlyServer.removeAll(second.keySet());
        onlyInProcess.stream().limit(10).forEach(s -> problems.add("only in process: " + s));
        onlyServer.stream().limit(10).forEach(s -> problems.add("only through the server: " + s));
        int compared = 0;
        for (Map.Entry<String, String> line : first.entrySet()) {
            String series = line.getKey();
            String value = line.getValue();
            if (!value.equals(second.get(series)) || !server.containsKey(series)) {
                continue;
            }
            compared++;
            if (!value.equals(server.get(series)) && problems.size() < 20) {
                problems.add(series + ": " + value + " in process (twice), " + server.get(series) + " through the server");
            }
        }
        return new Comparison(problems, first.size(), compared);
    }

    /**
     * Sample lines of the mapped families: series to value, as written. The JVM's and the agent's own families
     * move on their own and are read the same way on both paths, so they are left out.
     */
    static Map<String, String> mappedLines(String text) {
        Map<String, String> lines = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("jvm_") || line.startsWith("process_")
                    || line.startsWith("brokerwatch_")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            lines.put(line.substring(0, space), line.substring(space + 1));
        }
        return lines;
    }

    private static String get(int port, String pathAndQuery) {
        return Scrape.fetch(URI.create("http://" + LoopbackPorts.address(port) + pathAndQuery));
    }
}
