package dev.brokerwatch.compiler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.resolve.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A problem inside a PromQL string is reported at its line and column in the YAML or JSON file, with the
 * span on exactly the characters of the problem, whatever way the string is written.
 */
class AuditPositionsTest {
    private static final String WRONG = "kafka_server_replicamanager_underreplicatedpartitionz";

    private static List<Diagnostic> audit(String name, String text) {
        AuditInputs inputs = AuditReader.readText(name, text);
        Params params = Resolver.params(List.of(), Map.of(), new ArrayList<>(), new ArrayList<>());
        Catalog catalog;
        try {
            catalog = AuditCatalog.assemble(ExporterModels.parse("brokerwatch"), new AuditTarget("4.1", "combined"),
                    ExternalSeries.embedded().select(List.of()), List.of());
        } catch (ExporterSpecException e) {
            throw new AssertionError(e);
        }
        List<Diagnostic> out = new ArrayList<>(inputs.problems());
        out.addAll(AuditChecker.check(inputs, catalog, params, "brokerwatch"));
        return out;
    }

    private static Diagnostic only(List<Diagnostic> diagnostics, CheckCode code) {
        List<Diagnostic> found = diagnostics.stream().filter(d -> d.check() == code).toList();
        assertThat(found).as("exactly one %s among %s", code.code(), diagnostics).hasSize(1);
        return found.get(0);
    }

    private static String rules(String exprLines) {
        return "groups:\n- name: g\n  rules:\n  - alert: A\n" + exprLines + "    for: 5m\n";
    }

    private static void assertAt(Diagnostic d, int line, int column, String spanText) {
        assertThat(d.span().line() + ":" + d.span().column()).as("line:column of %s", d.message()).isEqualTo(line + ":" + column);
        assertThat(d.span().text()).as("the span covers exactly the problem").isEqualTo(spanText);
    }

    @Test
    void plainScalar() {
        Diagnostic d = only(audit("r.yml", rules("    expr: sum(" + WRONG + ") > 0\n")), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 5, 15, WRONG);
    }

    @Test
    void plainScalarOverTwoLinesIsFolded() {
        Diagnostic d = only(audit("r.yml", rules("    expr: sum by (pod)\n      (" + WRONG + ") > 0\n")), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 6, 8, WRONG);
    }

    @Test
    void singleQuotedWithDoubledQuotes() {
        String line = "    expr: 'up{job=''k''} + on() " + WRONG + "'";
        Diagnostic d = only(audit("r.yml", rules(line + "\n")), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 5, line.indexOf(WRONG) + 1, WRONG);
    }

    @Test
    void doubleQuotedWithEscapes() {
        String line = "    expr: \"up{job=\\\"k\\\"} + on() " + WRONG + "\"";
        Diagnostic d = only(audit("r.yml", rules(line + "\n")), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 5, line.indexOf(WRONG) + 1, WRONG);
    }

    @Test
    void doubleQuotedEscapeInsideTheSpanIsCoveredWhole() {
        // \x5f is '_': the reported span is the text as written, escape included
        String written = WRONG.replace("replicamanager_", "replicamanager\\x5f");
        Diagnostic d = only(audit("r.yml", rules("    expr: \"" + written + " > 0\"\n")), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 5, 12, written);
    }

    @Test
    void literalBlockScalar() {
        Diagnostic d = only(audit("r.yml", rules("    expr: |\n      up == 0\n        or on() " + WRONG + " > 0\n")),
                CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 7, 17, WRONG);
    }

    @Test
    void foldedBlockScalar() {
        Diagnostic d = only(audit("r.yml", rules("    expr: >-\n      sum by (pod)\n      (" + WRONG + ")\n\n      > 0\n")),
                CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 7, 8, WRONG);
    }

    @Test
    void jsonStringWithEscapes() {
        String json = "{\"title\": \"d\", \"panels\": [{\"targets\": [{\"expr\": \"sum(up{job=\\\"k\\\"}) + sum(" + WRONG + ")\"}]}]}";
        Diagnostic d = only(audit("d.json", json), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 1, json.indexOf(WRONG) + 1, WRONG);
    }

    @Test
    void jsonDashboardInsideAConfigMap() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards\ndata:\n  kafka.json: |\n"
                + "    {\"title\": \"d\",\n     \"panels\": [{\"targets\": [{\"expr\": \"sum(" + WRONG + ")\"}]}]}\n";
        Diagnostic d = only(audit("cm.yaml", yaml), CheckCode.PROMQL_UNKNOWN_METRIC);
        assertAt(d, 8, 44, WRONG);
    }

    @Test
    void templateProblemPointsIntoTheAnnotation() {
        String text = rules("    expr: sum by (pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0\n")
                + "    annotations:\n      summary: \"{{ $labels.topic }} is behind\"\n";
        Diagnostic d = only(audit("r.yml", text), CheckCode.TEMPLATE_LABEL);
        assertThat(d.span().line()).as("line of the annotation").isEqualTo(8);
        assertThat(d.span().text()).as("the span is inside the annotation's value").contains("topic");
    }

    @Test
    void grafanaVariablesAreNoProblemAndKeepColumns() {
        String json = "{\"title\": \"d\", \"templating\": {\"list\": [{\"name\": \"pod\", \"type\": \"custom\"}]},"
                + " \"panels\": [{\"targets\": [{\"expr\": \"sum(rate(kafka_server_brokertopicmetrics_messagesin_total{pod=~\\\"$pod\\\"}[$__rate_interval])) + "
                + WRONG + "\"}]}]}";
        List<Diagnostic> found = audit("d.json", json);
        Diagnostic d = only(found, CheckCode.PROMQL_UNKNOWN_METRIC);
        assertThat(found).as("only the wrong name is a problem").hasSize(1);
        assertThat(d.span().text()).isEqualTo(WRONG);
        assertThat(d.span().column()).isEqualTo(json.indexOf(WRONG) + 1);
    }

    @Test
    void undefinedDashboardVariableIsReportedAtItsPlace() {
        String json = "{\"title\": \"d\", \"panels\": [{\"targets\": [{\"expr\": \"up{pod=~\\\"${pods}\\\"}\"}]}]}";
        Diagnostic d = only(audit("d.json", json), CheckCode.DASHBOARD_VARIABLE_UNDEFINED);
        assertThat(d.span().text()).as("the whole variable as written").isEqualTo("${pods}");
    }

    @Test
    void malformedYamlIsAProblemWithAPlaceNotAnException() {
        Diagnostic d = only(audit("r.yml", "groups:\n- name: g\n  rules: [\n"), CheckCode.SYNTAX_INVALID);
        assertThat(d.span().file().displayPath()).isEqualTo("r.yml");
    }

    @Test
    void promqlSyntaxErrorIsPlacedInsideTheBlock() {
        Diagnostic d = only(audit("r.yml", rules("    expr: |\n      sum(up) >\n")), CheckCode.SYNTAX_INVALID);
        assertThat(d.span().line()).as("inside the block scalar, not at the key").isGreaterThanOrEqualTo(6);
    }
}
