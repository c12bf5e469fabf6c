package dev.brokerwatch.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Re2Syntax gives Go's verdict (Go 1.22+, the regexp/syntax Prometheus parses regexes with) for every pattern of
 * {@code re2/go-verdicts.tsv}: valid, or Go's error code and the fragment Go names.
 */
class Re2SyntaxTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvFileSource(resources = "/re2/go-verdicts.tsv", delimiter = '\t', nullValues = {})
    void givesGosVerdict(String pattern, String verdict, String fragment, String note) {
        Optional<Re2Syntax.Problem> problem = Re2Syntax.check(pattern);
        if (verdict.equals("valid")) {
            assertThat(problem).as("Go accepts %s (%s)", pattern, note).isEmpty();
            return;
        }
        assertThat(problem).as("Go rejects %s (%s)", pattern, note).isPresent();
        assertThat(problem.get().message()).as("Go's error text for %s", pattern)
                .isEqualTo("error parsing regexp: " + verdict + ": `" + (fragment == null ? "" : fragment) + "`");
    }

    @Test
    void pointsAtTheFragmentGoNames() {
        Re2Syntax.Problem problem = Re2Syntax.check("kafka_\\d+\\h").orElseThrow();
        assertThat(problem.offset()).as("\\h starts after kafka_\\d+").isEqualTo(9);
        assertThat(problem.length()).isEqualTo(2);
    }

    @Test
    void pointsAtTheFragmentWhereTheErrorIsNotAtAnEarlierLookAlike() {
        Re2Syntax.Problem problem = Re2Syntax.check("[*]|*").orElseThrow();
        assertThat(problem.message()).isEqualTo("error parsing regexp: missing argument to repetition operator: `*`");
        assertThat(problem.offset()).as("the * after |, not the one in the class").isEqualTo(4);
    }

    @Test
    void pointsAtTheLastCharacterForATrailingBackslash() {
        Re2Syntax.Problem problem = Re2Syntax.check("ab\\").orElseThrow();
        assertThat(problem.offset()).isEqualTo(2);
        assertThat(problem.length()).as("a caret needs one character even though Go names none").isEqualTo(1);
    }

    @Test
    void namesTheWholePatternForAMissingParen() {
        Re2Syntax.Problem problem = Re2Syntax.check("(a|b").orElseThrow();
        assertThat(problem.offset()).as("Go names the whole pattern, so there is no one place").isEqualTo(-1);
    }

    @Test
    void reportsTheFirstErrorWhenAnEarlierOneComesBeforeAGoOnlyRule() {
        assertThat(Re2Syntax.check("\\h(a))").map(Re2Syntax.Problem::message))
                .as("Go stops at \\h before it reaches the unexpected )")
                .contains("error parsing regexp: invalid escape sequence: `\\h`");
    }

    @Test
    void judgesWhatFollowsARewrittenGroupName() {
        assertThat(Re2Syntax.check("(?P<x>a)(?P<x>b)\\h").map(Re2Syntax.Problem::message))
                .as("a repeated group name is fine in Go, the \\h after it is not")
                .contains("error parsing regexp: invalid escape sequence: `\\h`");
    }

    @Test
    void acceptsCapturesNestedAThousandDeep() {
        assertThat(Re2Syntax.check(nested(999))).as("999 captures around a literal: a tree 1000 high").isEmpty();
    }

    @Test
    void rejectsCapturesNestedDeeperThanGoAllows() {
        assertThat(Re2Syntax.check(nested(1000)).map(Re2Syntax.Problem::code))
                .as("1000 captures around a literal: a tree 1001 high").contains("expression nests too deeply");
    }

    @Test
    void rejectsVeryDeepNestingWithoutOverflowingTheStack() {
        assertThat(Re2Syntax.check(nested(50_000)).map(Re2Syntax.Problem::code)).contains("expression nests too deeply");
    }

    @Test
    void acceptsDeepNonCapturingGroupsThatBuildNoTree() {
        assertThat(Re2Syntax.check("(?:".repeat(2_000) + "a" + ")".repeat(2_000))).isEmpty();
    }

    @Test
    void rejectsAProgramLargerThanGoAllows() {
        String large = "(?:" + ".".repeat(3_400) + "){1000}";
        assertThat(Re2Syntax.check(large).map(Re2Syntax.Problem::code))
                .as("3400 nodes repeated 1000 times: more than Go's 3.3 million instructions").contains("expression too large");
    }

    private static String nested(int depth) {
        return "(".repeat(depth) + "a" + ")".repeat(depth);
    }
}
