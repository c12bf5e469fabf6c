package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.cli.Main;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code brokerwatch health} gives one verdict for a live three-node cluster with the brokerwatch agent on
 * every node, through a rolling restart of one node: ready before, not ready while the node is down, and
 * {@code --wait} returns once the node has rejoined.
 */
class HealthRollingRestartIT {
    private static final String AGENT = "brokerwatch";

    record Run(int exitCode, String out, String err) {
    }

    private static Run health(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "health";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theClusterVerdictFollowsARollingRestart() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("HealthRollingRestartIT")
                .combinedNodes(3)
                .agent(AGENT, BrokerwatchAgentAttachment.embedded())
                .start()) {
            String agents = cluster.nodes().stream().map(n -> "127.0.0.1:" + n.agentPort(AGENT)).collect(Collectors.joining(","));
            KafkaNode restarted = cluster.node(3);
            String restartedAgent = "127.0.0.1:" + restarted.agentPort(AGENT);

            Run before = health("--agents", agents, "--wait", "120s");
            assertThat(before.exitCode()).as("a healthy cluster is ready:%n%s%s", before.out(), before.err()).isZero();
            assertThat(before.out()).contains("3 of 3 brokers ready");

            cluster.stopNode(3);
            Run down = health("--agents", agents);
            assertThat(down.exitCode()).as("with node 3 stopped the cluster is not ready:%n%s", down.out()).isEqualTo(1);
            assertThat(down.out()).as("the stopped node is named").contains(restartedAgent + "  unreachable").contains("2 of 3 brokers ready");

            CompletableFuture<Run> waiting = CompletableFuture.supplyAsync(() -> health("--agents", agents, "--wait", "240s"));
            Thread.sleep(2_000);
            assertThat(waiting).as("--wait keeps waiting while the node is down").isNotDone();
            cluster.startNode(3);
            Run rejoined = waiting.get(5, TimeUnit.MINUTES);
            assertThat(rejoined.exitCode()).as("--wait returns 0 once node 3 has rejoined:%n%s%s", rejoined.out(), rejoined.err()).isZero();
            assertThat(rejoined.out()).contains(restartedAgent + "  ready").contains("3 of 3 brokers ready");
            assertThat(rejoined.err()).as("it reported that it was waiting").contains("waiting: 2 of 3 brokers ready");
        }
    }
}
