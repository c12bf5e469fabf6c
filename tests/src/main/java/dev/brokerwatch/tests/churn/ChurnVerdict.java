package dev.brokerwatch.tests.churn;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a churn run passed, and the bound on the agent's heap it is judged by.
 *
 * <p>The agent's live objects after the churn may exceed those before by at most {@link #heapToleranceBytes}: the
 * MBean index, the plan and the labels are one set per indexed MBean and the same MBeans are registered before and
 * after, so what may legitimately differ is bounded by the mapping, not by the churn: the error counters a deleted
 * MBean creates on its first {@code bean_gone} (one per metric and reason) and objects made on first use. The
 * same bound holds between the first and the last cycle, so a leak of one object per churned MBean per cycle
 * (thousands of objects) fails it.
 */
public record ChurnVerdict(List<String> failures) {
    /** 64 KiB, or 2% of the heap before the churn when that is more. */
    public static long heapToleranceBytes(AgentHeap before) {
        return Math.max(64 * 1024, before.bytes() / 50);
    }

    public static ChurnVerdict of(ChurnReport r) {
        List<String> f = new ArrayList<>();
        if (r.failed() > 0) {
            f.add(r.failed() + " scrapes failed");
        }
        if (r.incomplete() > 0 || r.unparseable() > 0) {
            f.add(r.incomplete() + " incomplete and " + r.unparseable() + " unparseable answers");
        }
        if (r.backwards() > 0) {
            f.add(r.backwards() + " counter readings went backwards");
        }
        if (r.prometheusScrapes() == 0 || r.prometheusFailed() > 0) {
            f.add("Prometheus: " + r.prometheusFailed() + " of " + r.prometheusScrapes() + " scrapes failed");
        }
        if (!r.indexAfter().consistent()) {
            f.add("MBean index after the churn " + r.indexAfter() + ", before " + r.indexBefore());
        }
        long tolerance = heapToleranceBytes(r.heapBefore());
        if (r.heapAfter().bytes() > r.heapBefore().bytes() + tolerance) {
            f.add("agent heap grew from " + r.heapBefore() + " to " + r.heapAfter() + " (tolerance " + tolerance
                    + " bytes): " + r.heapAfter().changesSince(r.heapBefore()));
        }
        AgentHeap first = r.heapAfterCycle().get(0);
        if (r.heapAfter().bytes() > first.bytes() + tolerance) {
            f.add("agent heap grew from cycle 1 (" + first + ") to the last (" + r.heapAfter() + ")");
        }
        return new ChurnVerdict(f);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
