package dev.brokerwatch.dsl.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Layout, ids, template expansion and what `$name` becomes in the emitted text. */
class DashboardResolverTest {
    private static final String CATALOG = """
            param target_labels = (job, instance, namespace, pod)
            param broker_job = "kafka"
            metric kafka_log_log_size gauge unit bytes
              help "Log size"
              jmx "kafka.log:type=Log,name=Size,topic=*,partition=*"
              labels topic, partition
            metric kafka_network_requestmetrics_totaltimems summary
              help "Request time"
              jmx "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=*"
              labels request
            external metric up gauge source prometheus
            """;

    private static Dashboard only(String source) {
        SourceLoader loader = new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                return SourceFile.ofString(location, CATALOG + source);
            }

            @Override
            public String resolve(String from, String importPath) {
                return Path.of(importPath).toString();
            }
        };
        CompileResult result = Frontend.run(List.of("d.bw"), loader, Map.of());
        assertThat(result.hasErrors()).as(result.diagnostics().stream().map(DiagnosticRenderer::render).collect(Collectors.joining())).isFalse();
        assertThat(result.pack().dashboards()).hasSize(1);
        return result.pack().dashboards().get(0);
    }

    @Test
    void panelsArePackedLeftToRightAndWrapAtTwentyFourColumns() {
        Dashboard d = only("""
                dashboard d "D" {
                  stat "a" { query sum(up) }
                  stat "b" { query sum(up) width 16 }
                  stat "c" { query sum(up) width 8 height 6 }
                  timeseries "e" { query sum(up) }
                }
                """);
        assertThat(d.panels()).extracting(DashboardPanel::gridPos).containsExactly(
                new GridPos(0, 0, 4, 4), new GridPos(4, 0, 16, 4), new GridPos(0, 4, 8, 6), new GridPos(8, 4, 12, 8));
        assertThat(d.panels()).extracting(DashboardPanel::id).containsExactly(1, 2, 3, 4);
    }

    @Test
    void rowsStartBelowTheirContentAndPlacedPanelsAreKeptFree() {
        Dashboard d = only("""
                dashboard d "D" {
                  row "one" {
                    timeseries "packed" { query sum(up) }
                    timeseries "placed" { query sum(up) place 0 0 12 4 id 7 }
                  }
                  row "two" collapsed {
                    stat "inside" { query sum(up) }
                  }
                }
                """);
        assertThat(d.panels()).extracting(DashboardPanel::title).containsExactly("one", "packed", "placed", "two");
        assertThat(d.panels().get(2).gridPos()).isEqualTo(new GridPos(0, 1, 12, 4));
        assertThat(d.panels().get(1).gridPos()).as("flows around the placed panel").isEqualTo(new GridPos(12, 1, 12, 8));
        assertThat(d.panels().get(2).id()).isEqualTo(7);
        DashboardPanel collapsed = d.panels().get(3);
        assertThat(collapsed.gridPos()).isEqualTo(new GridPos(0, 9, 24, 1));
        assertThat(collapsed.children()).singleElement().satisfies(p -> assertThat(p.gridPos()).isEqualTo(new GridPos(0, 10, 4, 4)));
    }

    @Test
    void templateArgumentsParametersAndVariablesBecomeWhatGrafanaNeeds() {
        Dashboard d = only("""
                template latency(request) timeseries "$request p$quantile" {
                  query max by (pod) (kafka_network_requestmetrics_totaltimems{request=$request, quantile="$quantile", job=~$broker_job})
                    legend "{{pod}} $request"
                }
                dashboard d "D" {
                  variable quantile = custom("0.99", "0.5")
                  variable topic = label_values(kafka_log_log_size{job=~$broker_job}, topic) multi all
                  use latency("Produce")
                  timeseries "sizes" {
                    query sum by (topic) (kafka_log_log_size{topic=~$topic, partition=~"${topic:regex}"}) > bool 0
                  }
                }
                """);
        PanelTarget latency = d.panels().get(0).targets().get(0);
        assertThat(d.panels().get(0).title()).isEqualTo("Produce p$quantile");
        assertThat(latency.text()).isEqualTo(
                "max by (pod) (kafka_network_requestmetrics_totaltimems{request=\"Produce\", quantile=\"$quantile\", job=~\"kafka\"})");
        assertThat(latency.legend()).isEqualTo("{{pod}} Produce");
        assertThat(d.panels().get(1).targets().get(0).text())
                .isEqualTo("sum by (topic) (kafka_log_log_size{topic=~\"$topic\", partition=~\"${topic:regex}\"}) > bool 0");
        assertThat(d.variables().get(1).query()).isEqualTo("label_values(kafka_log_log_size{job=~\"kafka\"}, topic)");
        assertThat(d.path()).isEqualTo("/d/d/d");
    }
}
