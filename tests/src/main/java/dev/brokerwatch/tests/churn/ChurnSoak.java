package dev.brokerwatch.tests.churn;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The churn scenario at any size, outside the test suite: prints the report and exits 1 when a scrape failed, an
 * answer was incomplete or unparseable, a counter went backwards, the index drifted or the agent's heap grew.
 *
 * <pre>
 * scripts/soak-churn.sh [--partitions 10000] [--churn 1000] [--topic-partitions 50] [--cycles 5] [--scrapers 8]
 *                       [--prometheus-interval 5] [--heap 3g]
 * </pre>
 */
public final class ChurnSoak {
    private ChurnSoak() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        ChurnSettings settings = new ChurnSettings(
                Integer.parseInt(o.getOrDefault("partitions", "10000")),
                Integer.parseInt(o.getOrDefault("churn", "1000")),
                Integer.parseInt(o.getOrDefault("topic-partitions", "50")),
                Integer.parseInt(o.getOrDefault("cycles", "5")),
                Integer.parseInt(o.getOrDefault("scrapers", "8")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("prometheus-interval", "5"))),
                o.getOrDefault("heap", "3g"));
        ChurnReport report = new ChurnScenario("ChurnSoak", settings).run();
        System.out.println(report.summary());
        ChurnVerdict verdict = ChurnVerdict.of(report);
        System.out.println(verdict.passed() ? "PASS" : "FAIL: " + verdict.failures());
        System.exit(verdict.passed() ? 0 : 1);
    }
}
