package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.tests.catalog.PackCatalog;

/**
 * The agent's health endpoints and {@code /about} on a live combined Kafka 4.1.2 node: live and ready answer 200
 * with JSON bodies while the broker runs; during a controlled shutdown (SIGTERM through the harness, watched by a
 * poller that runs from before the signal) ready turns 503 while the process still answers, i.e. before it
 * exits; {@code /about} names Kafka 4.1.2 and the embedded mapping with its SHA-256.
 */
class HealthEndpointsIT {
    private static final String AGENT = "bw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();

    /** One answer of an endpoint, or a failed connection (status -1), at nanoTime {@code at}. */
    record Answer(long at, String path, int status, String body) {}

    @Test
    @Timeout(240)
    void healthAndAboutOnARunningBrokerAndReadyTurnsDownDuringAControlledShutdown() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("HealthEndpointsIT")
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .stopTimeout(Duration.ofSeconds(60))
                .start()) {
            KafkaNode node = cluster.node(1);
            int port = node.agentPort(AGENT);

            // running: both 200 with a JSON body naming every check
            Answer live = get(port, "/health/live");
            assertThat(live.status()).as("/health/live: %s", live.body()).isEqualTo(200);
            JsonNode liveJson = JSON.readTree(live.body());
            assertThat(liveJson.get("status").asText()).isEqualTo("UP");
            assertThat(liveJson.get("checks")).hasSize(1);
            assertThat(liveJson.get("checks").get(0).get("name").asText()).isEqualTo("broker_state");
            assertThat(liveJson.get("checks").get(0).get("ok").asBoolean()).isTrue();
            assertThat(liveJson.get("checks").get(0).get("detail").asText()).isEqualTo("RUNNING");

            Answer ready = awaitStatus(port, "/health/ready", 200, Duration.ofSeconds(30));
            JsonNode readyJson = JSON.readTree(ready.body());
            assertThat(readyJson.get("status").asText()).isEqualTo("UP");
            List<String> checks = new ArrayList<>();
            readyJson.get("checks").forEach(c -> {
                checks.add(c.get("name").asText());
                assertThat(c.get("ok").asBoolean()).as("check %s", c).isTrue();
            });
            assertThat(checks).containsExactly("broker_state", "offline_log_dirs", "controller_known");
            assertThat(readyJson.get("checks").get(2).get("detail").asText()).isEqualTo("controller 1");

            // /about: Kafka's version and the embedded mapping, which is alerts/out/agent/kafka-default.mapping
            Answer about = get(port, "/about");
            assertThat(about.status()).isEqualTo(200);
            JsonNode aboutJson = JSON.readTree(about.body());
            byte[] mapping = Files.readAllBytes(PackCatalog.generatedAgentMapping());
            long mappedMetrics = Files.readAllLines(PackCatalog.generatedAgentMapping()).stream()
                    .filter(l -> l.startsWith("metric ")).count();
            assertThat(aboutJson.get("agent").asText()).isEqualTo("brokerwatch");
            assertThat(aboutJson.get("kafka_version").asText()).isEqualTo(cluster.version().toString())
                    .isEqualTo("4.1.2");
            assertThat(aboutJson.get("mapping").get("name").asText()).isEqualTo("kafka-default");
            assertThat(aboutJson.get("mapping").get("sha256").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mapping)));
            assertThat(aboutJson.get("mapping").get("metrics").asLong()).isEqualTo(mappedMetrics);

            // controlled shutdown: poll both endpoints as fast as possible from before the signal until the
            // process is gone
            long pid = node.pid().orElseThrow();
            List<Answer> answers = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread poller = new Thread(() -> {
                while (!stop.get()) {
                    answers.add(get(port, "/health/ready"));
                    answers.add(get(port, "/health/live"));
                }
            }, "health-poller");
            poller.setDaemon(true);
            poller.start();
            Thread.sleep(200);
            long signalled = System.nanoTime();
            cluster.stopNode(1); // SIGTERM, waits (bounded) until the JVM exited
            long exited = System.nanoTime();
            stop.set(true);
            poller.join(10_000);

            assertThat(node.process().exitCode()).as("the broker exited after SIGTERM").isPresent();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            Files.writeString(cluster.dir().resolve("shutdown-answers.txt"), "SIGTERM to exit: "
                    + Duration.ofNanos(exited - signalled).toMillis() + " ms\n" + String.join("\n",
                    answers.stream().map(a -> Duration.ofNanos(a.at() - signalled).toMillis() + " ms " + a.path() + " "
                            + a.status() + " " + abbreviate(a.body())).toList()) + "\n");
            List<Answer> before = answers.stream().filter(a -> a.at() < signalled).toList();
            List<Answer> during = answers.stream().filter(a -> a.at() >= signalled && a.at() <= exited).toList();
            assertThat(before).as("answers before the signal").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).as("%s before the signal: %s", a.path(), a.body())
                            .isEqualTo(200));
            List<Answer> readyDown = during.stream()
                    .filter(a -> a.path().equals("/health/ready") && a.status() == 503).toList();
            assertThat(readyDown).as("/health/ready answering 503 between SIGTERM and exit; answers seen: %s",
                    summary(during.stream().filter(a -> a.path().equals("/health/ready")).toList())).isNotEmpty();
            JsonNode down = JSON.readTree(readyDown.get(0).body());
            assertThat(down.get("status").asText()).isEqualTo("DOWN");
            // which check fails first depends on which MBean the shutting-down broker changes or drops first (the
            // log directory count may go before the state on a busy machine); the broker state must fail too
            List<JsonNode> downBodies = new java.util.ArrayList<>();
            for (Answer a : readyDown) {
                downBodies.add(JSON.readTree(a.body()));
            }
            assertThat(downBodies).as("a 503 of /health/ready saying the broker state is no longer RUNNING")
                    .anySatisfy(body -> {
                        assertThat(body.get("checks").get(0).get("name").asText()).isEqualTo("broker_state");
                        assertThat(body.get("checks").get(0).get("ok").asBoolean()).isFalse();
                    });

            // once ready is down it stays down until the process is gone (no flapping back to 200)
            long firstDown = readyDown.get(0).at();
            assertThat(during.stream().filter(a -> a.path().equals("/health/ready") && a.at() > firstDown)
                    .filter(a -> a.status() == 200).toList()).as("ready answering 200 after it went down").isEmpty();
            // and the agent answered while the broker shut down: the 503 came before the exit
            assertThat(firstDown).isLessThan(exited);
        }
    }

    private static Answer awaitStatus(int port, String path, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = get(port, path);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; last: " + last);
    }

    private static Answer get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.address(port) + path))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long at = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(at, path, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(at, path, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(at, path, -1, "interrupted");
        }
    }

    /** Counts of (path, status) in order of first appearance, to show what a failing run saw. */
    private static String summary(List<Answer> answers) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        int run = 0;
        for (Answer a : answers) {
            String key = a.path() + " " + a.status() + (a.status() == 200 ? "" : " " + abbreviate(a.body()));
            if (key.equals(previous)) {
                run++;
                continue;
            }
            if (previous != null) {
                out.append(previous).append(" x").append(run).append("; ");
            }
            previous = key;
            run = 1;
        }
        if (previous != null) {
            out.append(previous).append(" x").append(run);
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s.strip() : s.substring(0, 120) + "…";
    }
}
