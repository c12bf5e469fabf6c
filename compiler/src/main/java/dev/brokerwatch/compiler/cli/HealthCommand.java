package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.compiler.health.AgentAddress;
import dev.brokerwatch.compiler.health.BrokerHealth;
import dev.brokerwatch.compiler.health.HealthProbe;
import dev.brokerwatch.compiler.health.HealthReportWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"One verdict for a cluster: asks every broker's brokerwatch agent for /health/live and /health/ready, "
                + "prints each broker's checks, and succeeds only when every broker is ready."},
        footer = {"",
                "Exit codes: 0 every broker ready, 1 a broker not ready or unreachable (or --wait timed out), 2 usage error.",
                "",
                "Examples:%n"
                        + "  brokerwatch health --agents kafka-0.kafka:9404,kafka-1.kafka:9404%n"
                        + "  brokerwatch health --agents kafka-1.kafka:9404 --wait 5m   # after a restart"})
public final class HealthCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    /** Between two rounds of --wait; short enough to notice a rejoin quickly, long enough not to load the agents. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    enum Format { text, json }

    @Option(names = "--agents", required = true, paramLabel = "HOST:PORT", split = ",",
            description = "The agents, one per broker, separated by commas.")
    List<String> agents;

    @Option(names = "--wait", paramLabel = "TIMEOUT",
            description = "Ask again until every broker is ready or TIMEOUT (e.g. 90s, 5m) has passed.")
    String waitTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3s",
            description = "Bound on one request to one agent. Default: ${DEFAULT-VALUE}.")
    String requestTimeout;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<AgentAddress> addresses = new ArrayList<>();
        Duration wait;
        Duration timeout;
        try {
            for (String agent : agents) {
                addresses.add(AgentAddress.parse(agent));
            }
            wait = waitTimeout == null ? Duration.ZERO : duration("--wait", waitTimeout);
            timeout = duration("--timeout", requestTimeout);
        } catch (IllegalArgumentException e) {
            err.println("brokerwatch health: " + e.getMessage());
            return ExitCode.USAGE;
        }
        HealthProbe probe = new HealthProbe(timeout);
        long deadline = System.nanoTime() + wait.toNanos();
        List<BrokerHealth> brokers = probe.check(addresses);
        while (!allReady(brokers) && System.nanoTime() < deadline) {
            long ready = brokers.stream().filter(BrokerHealth::isReady).count();
            err.println("waiting: " + ready + " of " + brokers.size() + " brokers ready");
            err.flush();
            Thread.sleep(Math.max(0, Math.min(POLL_INTERVAL.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            brokers = probe.check(addresses);
        }
        out.print(format == Format.json ? HealthReportWriter.json(brokers) : HealthReportWriter.text(brokers));
        out.flush();
        if (!allReady(brokers) && waitTimeout != null) {
            err.println("brokerwatch health: not every broker was ready within " + waitTimeout);
        }
        return allReady(brokers) ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private static boolean allReady(List<BrokerHealth> brokers) {
        return brokers.stream().allMatch(BrokerHealth::isReady);
    }

    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
