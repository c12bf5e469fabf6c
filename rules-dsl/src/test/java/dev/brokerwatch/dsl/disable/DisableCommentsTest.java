package dev.brokerwatch.dsl.disable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code # brokerwatch: disable=code[,code]} disables codes for the statement that follows (the outermost
 * construct starting on the next line that is not blank or a comment), {@code disable-file=} for the whole
 * file; a comment that disables nothing, or cannot be applied, is itself reported.
 */
class DisableCommentsTest {
    static final String CATALOG = """
            param target_labels = (job, instance, namespace, pod)
            family kafka_server_replicamanager counter
              jmx "kafka.server:type=ReplicaManager,name={member}"
              member IsrShrinksPerSec help "ISR shrinks"
            """;

    static String alert(String name, String prefix) {
        return prefix + "alert " + name + " {\n"
                + "    expr sum by (pod) (kafka_server_replicamanager_isrshrinks_total) > 10\n"
                + "    for 10s\n"
                + "    severity warning\n"
                + "    summary \"s\"\n"
                + "    description \"d\"\n"
                + "    runbook \"r\"\n"
                + "  }\n";
    }

    static CompileResult compile(String text) {
        return Sources.of("a.bw", text).compile();
    }

    static List<String> reported(CompileResult result) {
        return result.diagnostics().stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.code()).toList();
    }

    @Test
    void withoutCommentsBothAlertsReportTheirProblems() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n" + alert("A", "  ") + alert("B", "  ") + "}\n");
        assertThat(reported(result)).as("the baseline the other cases disable from").containsExactly(
                "7:10 promql/counter-threshold", "8:9 rule/for-interval", "15:10 promql/counter-threshold", "16:9 rule/for-interval");
    }

    @Test
    void aCommentBeforeAnAlertDisablesItsCodeForThatAlertOnly() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-threshold\n" + alert("A", "  ") + alert("B", "  ") + "}\n");
        assertThat(reported(result)).containsExactly("9:9 rule/for-interval", "16:10 promql/counter-threshold", "17:9 rule/for-interval");
    }

    @Test
    void severalCodesAreCommaSeparatedAndAReasonMayFollow() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-threshold, rule/for-interval   (known, tracked in OPS-12)\n"
                + alert("A", "  ") + "}\n");
        assertThat(reported(result)).isEmpty();
    }

    @Test
    void aCommentBeforeAGroupCoversEveryAlertInIt() {
        CompileResult result = compile(CATALOG + "# brokerwatch: disable=rule/for-interval\n"
                + "group g interval 1m {\n" + alert("A", "  ") + alert("B", "  ") + "}\n");
        assertThat(reported(result)).containsExactly("8:10 promql/counter-threshold", "16:10 promql/counter-threshold");
    }

    @Test
    void aCommentBeforeAClauseCoversOnlyThatClause() {
        String text = CATALOG + "group g interval 1m {\n" + alert("A", "  ")
                .replace("    expr", "    # brokerwatch: disable=promql/counter-threshold,rule/for-interval\n    expr") + "}\n";
        CompileResult result = compile(text);
        assertThat(reported(result)).as("the for clause is not the expression that follows the comment")
                .containsExactly("7:53 disable/unused", "9:9 rule/for-interval");
    }

    @Test
    void blankLinesAndOrdinaryCommentsMayStandBetweenTheCommentAndItsStatement() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-threshold\n"
                + "  # brokerwatch: disable=rule/for-interval\n\n  # ISR shrinks since the last restart\n"
                + alert("A", "  ") + "}\n");
        assertThat(reported(result)).isEmpty();
    }

    @Test
    void disableFileCoversTheWholeFileButNotItsImports() {
        Sources sources = Sources.of("a.bw", "import \"b.bw\"\n" + CATALOG + "group g interval 1m {\n" + alert("A", "  ") + "}\n"
                        + "# brokerwatch: disable-file=rule/for-interval\n")
                .with("b.bw", "group h interval 1m {\n" + alert("B", "  ") + "}\n");
        List<String> reported = sources.compile().diagnostics().stream()
                .map(d -> d.span().file().displayPath() + ":" + d.span().line() + " " + d.code()).toList();
        assertThat(reported).containsExactly("a.bw:8 promql/counter-threshold", "b.bw:3 promql/counter-threshold", "b.bw:4 rule/for-interval");
    }

    @Test
    void codesRaisedWhileBuildingTheCatalogAndTypingQueriesCanBeDisabledToo() {
        CompileResult result = compile(CATALOG + """
                # brokerwatch: disable=catalog/jmx
                metric kafka_broken gauge
                  help "no source"
                group g interval 1m {
                  # brokerwatch: disable=promql/function
                  alert A {
                    expr absent_over_tme(kafka_server_replicamanager_isrshrinks_total[5m])
                    severity warning
                    summary "s"
                    description "d"
                    runbook "r"
                  }
                }
                """);
        assertThat(reported(result)).isEmpty();
    }

    @Test
    void aCodeThatDisablesNothingIsReportedWhereTheCommentNamesIt() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-threshold,promql/range-window\n" + alert("A", "  ") + "}\n");
        Diagnostic unused = result.diagnostics().stream().filter(d -> d.check() == CheckCode.DISABLE_UNUSED).findFirst().orElseThrow();
        assertThat(unused.span().location()).isEqualTo("a.bw:6:51");
        assertThat(unused.span().text()).isEqualTo("promql/range-window");
        assertThat(unused.message()).isEqualTo("disable=promql/range-window disables nothing: the statement on line 7 has no promql/range-window problem");
        assertThat(unused.related()).singleElement().satisfies(r -> assertThat(r.span().location()).isEqualTo("a.bw:7:3"));
    }

    @Test
    void anUnknownCodeIsAnErrorWithDidYouMeanAndDisablesNothing() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-treshold\n" + alert("A", "  ") + "}\n");
        Diagnostic invalid = result.diagnostics().stream().filter(d -> d.check() == CheckCode.DISABLE_INVALID).findFirst().orElseThrow();
        assertThat(invalid.isError()).isTrue();
        assertThat(invalid.span().location()).isEqualTo("a.bw:6:26");
        assertThat(invalid.message()).isEqualTo("unknown check code promql/counter-treshold");
        assertThat(invalid.hint()).isEqualTo("did you mean promql/counter-threshold?");
        assertThat(reported(result)).as("the problem it meant stays reported").contains("8:10 promql/counter-threshold");
    }

    @Test
    void syntaxErrorsCannotBeDisabledAndTheMessageSaysWhy() {
        CompileResult result = compile("# brokerwatch: disable-file=syntax/invalid\ngroup g {\n  alert {\n}\n");
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.check()).isEqualTo(CheckCode.DISABLE_INVALID);
            assertThat(d.message()).isEqualTo("syntax/invalid cannot be disabled: a file that does not parse leaves the pack unusable");
        });
        assertThat(result.diagnostics()).as("the syntax error is still reported").anyMatch(d -> d.check() == CheckCode.SYNTAX_INVALID);
    }

    @Test
    void aDirectiveAtTheEndOfALineIsAnError() {
        CompileResult result = compile(CATALOG + "group g interval 1m {\n" + alert("A", "  ")
                .replace("> 10\n", "> 10  # brokerwatch: disable=promql/counter-threshold\n") + "}\n");
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.check()).isEqualTo(CheckCode.DISABLE_INVALID);
            assertThat(d.message()).isEqualTo("a brokerwatch comment must stand on a line of its own");
        });
    }

    @Test
    void codesDisabledForTheRunAreDroppedEverywhereAndCommentsForThemStillCount() {
        String text = CATALOG + "group g interval 1m {\n"
                + "  # brokerwatch: disable=promql/counter-threshold\n" + alert("A", "  ") + alert("B", "  ") + "}\n";
        CompileResult result = Frontend.run(List.of("a.bw"), Sources.of("a.bw", text).loader(), Map.of(),
                Set.of(CheckCode.PROMQL_COUNTER_THRESHOLD, CheckCode.RULE_FOR_INTERVAL));
        assertThat(reported(result)).as("no disable/unused either: the comment did disable alert A's problem").isEmpty();
    }

    @Test
    void unusedCommentsCanBeDisabledForTheRun() {
        String text = CATALOG + "# brokerwatch: disable=promql/range-window\nmetric kafka_x gauge\n  help \"x\"\n  jmx \"kafka.server:type=X\"\n";
        assertThat(reported(compile(text))).containsExactly("5:24 disable/unused");
        CompileResult result = Frontend.run(List.of("a.bw"), Sources.of("a.bw", text).loader(), Map.of(), Set.of(CheckCode.DISABLE_UNUSED));
        assertThat(reported(result)).isEmpty();
    }
}
