package dev.brokerwatch.tests.churn;

import java.util.List;
import java.util.Locale;

/**
 * What a churn run saw: the concurrent scrapers' verdicts, Prometheus's scrapes over the churn ({@code up} samples,
 * how many were 0, their durations), the MBean index before and after, and the agent's live heap before the churn and after
 * each cycle.
 */
public record ChurnReport(ChurnSettings settings, long answered, long failed, long incomplete, long unparseable,
        long backwards, long countersChecked, List<String> problems, PrometheusScrapes prometheus,
        IndexState indexBefore, IndexState indexAfter, AgentHeap heapBefore,
        List<AgentHeap> heapAfterCycle, long seconds) {

    /** {@code /about?index=check}: indexed MBeans, matching registered MBeans, the differences, a few names. */
    public record IndexState(int indexed, int registered, int missing, int stale, String names) {
        public boolean consistent() {
            return missing == 0 && stale == 0 && indexed == registered;
        }
    }

    /** Prometheus's scrapes over the churn ({@code up} samples). */
    public long prometheusScrapes() {
        return prometheus.scrapes();
    }

    /** Prometheus's failed scrapes ({@code up} 0), except those the harness's heap measurement stopped. */
    public long prometheusFailed() {
        return prometheus.failed();
    }

    public AgentHeap heapAfter() {
        return heapAfterCycle.get(heapAfterCycle.size() - 1);
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "partitions %,d, churned %,d x %d cycles, %d scrapers, %d s%n",
                settings.partitions(), settings.churnPartitions(), settings.cycles(), settings.scrapers(), seconds));
        out.append(String.format(Locale.ROOT,
                "scrapes answered %,d, failed %,d, incomplete %,d, unparseable %,d; counter readings %,d, backwards %,d%n",
                answered, failed, incomplete, unparseable, countersChecked, backwards));
        out.append(prometheus.summary()).append("\n");
        out.append("MBean index before ").append(indexBefore).append("\n");
        out.append("MBean index after  ").append(indexAfter).append("\n");
        out.append("agent heap before  ").append(heapBefore).append("\n");
        for (int i = 0; i < heapAfterCycle.size(); i++) {
            out.append("agent heap after cycle ").append(i + 1).append(": ").append(heapAfterCycle.get(i))
                    .append("\n");
        }
        out.append("changed instance counts (before -> after): ").append(heapAfter().changesSince(heapBefore))
                .append("\n");
        if (!problems.isEmpty()) {
            out.append("problems:\n");
            problems.forEach(p -> out.append("  ").append(p).append("\n"));
        }
        return out.toString();
    }
}
