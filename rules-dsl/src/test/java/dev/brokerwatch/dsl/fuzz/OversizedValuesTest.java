package dev.brokerwatch.dsl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Numbers past int's range and other values of absurd size get diagnostics (or none), never an exception. */
class OversizedValuesTest {
    static final String CATALOG = """
            param target_labels = (job, instance, namespace, pod)
            metric kafka_up gauge help "up" jmx "kafka.server:type=A,name=B"
            """;

    static String alert(String clauses) {
        return CATALOG + """
                group g {
                  alert A {
                    expr kafka_up > 0
                    severity warning
                    summary "s"
                    description "d"
                    runbook "r"
                %s
                  }
                }
                """.formatted(clauses);
    }

    @Test
    void repeatCountPastIntInATestSeriesIsAcceptedAsVeryLong() {
        CompileResult result = Sources.of("m.bw", alert("""
                    test "long" {
                      series kafka_up{job="j",instance="i",namespace="n",pod="p"} "0+1x99999999999 1x9999999999"
                      expect quiet at 1m
                    }
                """)).compile();
        assertThat(result.diagnostics()).as("a long series is promtool notation like any other").isEmpty();
    }

    @Test
    void kafkaVersionPartPastIntIsComparedAsANumber() {
        CompileResult result = Sources.of("m.bw", CATALOG + """
                param p = 1 since "4.99999999999" = 2 since "4.100000000000" = 3
                """).compile();
        assertThat(result.diagnostics()).as("4.99999999999 comes before 4.100000000000").isEmpty();
    }

    @Test
    void kafkaVersionsOutOfOrderPastIntAreStillReported() {
        CompileResult result = Sources.of("m.bw", CATALOG + """
                param p = 1 since "4.100000000000" = 2 since "4.99999999999" = 3
                """).compile();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).as("descending versions").containsExactly("param/since");
    }

    @Test
    void dashboardLinkToAPanelIdPastIntNamesNoPanel() {
        CompileResult result = Sources.of("m.bw", alert("""
                    annotations { dashboard = "/d/abc/x?viewPanel=99999999999" }
                """) + """
                dashboard d "D" { uid "abc" timeseries "t" { query kafka_up } }
                """).compile();
        assertThat(result.diagnostics()).as("the id is reported like any unknown panel id")
                .extracting(Diagnostic::message).contains("dashboard abc has no panel 99999999999");
    }

    @Test
    void panelNumberTooLargeForADoubleIsReportedBecauseDashboardJsonHasNoInfinity() {
        CompileResult result = Sources.of("m.bw", CATALOG + """
                dashboard d "D" { timeseries "t" { query kafka_up max 1e400 thresholds green, 1e400 red } }
                """).compile();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).as("each out-of-range number, at its place")
                .containsExactly("max 1e400 is out of range", "a threshold 1e400 is out of range");
    }

    @Test
    void gridPositionPastIntIsReported() {
        CompileResult result = Sources.of("m.bw", CATALOG + """
                dashboard d "D" { timeseries "t" { query kafka_up place 0 0 99999999999 8 } }
                """).compile();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).as("a width no grid has")
                .containsExactly("grid positions are whole numbers from 0");
    }

    @Test
    void testSeriesOfANumberInsteadOfAMetricIsReported() {
        CompileResult result = Sources.of("m.bw", alert("""
                    test "t" {
                      series inf "1 2 3"
                      expect quiet at 1m
                    }
                """)).compile();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).as("inf reads as a number, not a metric")
                .contains("a test series needs a metric, but inf is a number");
    }
}
