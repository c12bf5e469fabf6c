package dev.brokerwatch.tests.churn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentHeapTest {
    private static final String HISTOGRAM = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10000         800000  [B (java.base@17.0.9)
               2:           100           2400  dev.brokerwatch.agent.jmx.BeanBinding
               3:            50           1200  dev.brokerwatch.agent.shaded.io.prometheus.metrics.model.snapshots.Labels
               4:             7            168  java.lang.String (java.base@17.0.9)
            Total         10157         803768
            """;

    @Test
    void sumsOnlyTheAgentsClasses() {
        AgentHeap heap = AgentHeap.parse(HISTOGRAM);

        assertThat(heap.bytes()).as("bytes of dev.brokerwatch.agent.* classes").isEqualTo(3600);
        assertThat(heap.instances()).as("instances of dev.brokerwatch.agent.* classes").isEqualTo(150);
    }

    @Test
    void namesTheClassesWhoseInstanceCountChanged() {
        AgentHeap before = AgentHeap.parse(HISTOGRAM);
        AgentHeap after = AgentHeap.parse(HISTOGRAM.replace("100           2400", "102           2448"));

        assertThat(after.changesSince(before)).isEqualTo("jmx.BeanBinding: 100 -> 102; ");
    }
}
