package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a user sees for common mistakes: exact messages at exact places, several per file, never an exception. */
class SyntaxErrorTest {

    static List<Diagnostic> problems(String text) {
        return BwParser.parseFile(SourceFile.ofString("f.bw", text)).diagnostics();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "group g { alert A { expr sum by (pod (up) > 0 } }     | 1:38 | unexpected '(', expected one of ')', ','",
            "group g { alert A { expr up == = 0 } }                | 1:32 | unexpected '=', expected <expression>",
            "metric m gauge help unquoted                          | 1:21 | unexpected 'unquoted', expected <string>",
            "param x = 5q                                          | 1:12 | unexpected 'q'",
            "group g { alert A { expr rate(x[5m) } }               | 1:35 | unexpected ')', expected one of ']', ':'",
    })
    void mistakeIsReportedWhereItIs(String text, String position, String message) {
        List<Diagnostic> problems = problems(text);
        assertThat(problems).as("problems of %s", text).isNotEmpty();
        Diagnostic first = problems.get(0);
        assertThat(first.span().line() + ":" + first.span().column()).as("position of the first problem").isEqualTo(position);
        assertThat(first.message()).startsWith(message);
    }

    @Test
    void unknownMetricTypeListsTheTypesAndSuggestsTheNearestOne() {
        List<Diagnostic> problems = problems("metric kafka_x_total counte help \"x\"\n");
        assertThat(problems).as("a misspelt metric type is one syntax error, not a crash").singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unknown metric type 'counte': expected counter, gauge, summary, untyped");
            assertThat(d.span().line() + ":" + d.span().column()).isEqualTo("1:22");
            assertThat(d.hint()).isEqualTo("did you mean counter?");
        });
    }

    @Test
    void misspeltPanelKindSuggestsTheKeyword() {
        List<Diagnostic> problems = problems("dashboard d \"D\" { timeserie \"t\" { query up } }\n");
        assertThat(problems).as("a misspelt panel kind is a syntax error with a suggestion").isNotEmpty();
        assertThat(problems.get(0).hint()).isEqualTo("did you mean timeseries?");
    }

    @Test
    void statementCutOffBeforeItsMetricTypeIsReportedNotDropped() {
        List<Diagnostic> problems = problems("external metric kafka_lag");
        assertThat(problems).as("the missing type is reported").singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("unexpected end of file, expected one of 'counter', 'gauge', 'summary', 'untyped'"));
    }

    @Test
    void recoveryReportsEveryBrokenStatementOfAFile() {
        List<Diagnostic> problems = problems("""
                metric a gauge help oops
                metric b gauge
                group g {
                  alert A { expr up == = 0 }
                  alert B { expr rate(x[5m) }
                }
                """);
        assertThat(problems).extracting(d -> d.span().line()).as("one problem on each broken line").contains(1, 4, 5);
    }

    @Test
    void badStringEscapeIsExplained() {
        List<Diagnostic> problems = problems("group g { alert A { expr x{a=~\"\\.\"} } }");
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("unknown escape sequence");
            assertThat(d.hint()).contains("backtick");
        });
    }

    @Test
    void invalidDurationIsExplained() {
        List<Diagnostic> problems = problems("group g { alert A { expr up == 0 for 30m1h } }");
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.message()).isEqualTo("invalid duration 30m1h"));
    }

    @Test
    void deeplyNestedInputIsAProblemNotACrash() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        List<Diagnostic> problems = problems("group g { alert A { expr " + deep + " } }");
        assertThat(problems).isNotEmpty();
    }

    @Test
    void groupNamesMayHoldNumbersAndDurations() {
        var file = BwParser.parseFile(SourceFile.ofString("f.bw", "group kafka-3-1m { }"));
        assertThat(file.diagnostics()).isEmpty();
        assertThat(((dev.brokerwatch.dsl.ast.GroupDecl) file.file().statements().get(0)).name().text()).isEqualTo("kafka-3-1m");
    }

    @Test
    void aDashedNameWithSpacesIsAProblem() {
        assertThat(problems("group kafka - broker { }")).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("'kafka - broker' is not one name"));
    }

    @Test
    void emptyFileHasNoProblems() {
        assertThat(problems("")).isEmpty();
        assertThat(problems("# only a comment\n")).isEmpty();
    }
}
