package dev.brokerwatch.dsl.semantics.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each template with the verdict Go's text/template parser gives it (as Prometheus parses alert templates:
 * Go's and Prometheus's functions, $labels, $externalLabels, $externalURL and $value declared), and where the
 * error is. Where the verdict is subtle, the comment names the rule in Go's lex.go / parse.go / node.go.
 */
class GoTemplateTest {
    private static final String VALID = "valid";

    static Stream<Arguments> cases() {
        return Stream.of(
                // -- delimiters, text, comments, trim markers
                valid("{{ \"}}\" }}"), // a string is one token: its }} does not close the action
                valid("{{/* }} */}}"), // a comment runs to the first */, whatever it holds
                error("{{/* a */ }}", "comment ends before closing delimiter", 2), // only }} or \" -}}\" may follow */
                valid("a {{- /* x */ -}} b"),
                valid("a {{-3}} b"), // the trim marker needs a space: -3 is a number
                valid("a {{- 3}} b"),
                valid("{{ 3 -}}  x {{ 3  -}}"), // lexSpace leaves the space of \" -}}\" to the delimiter
                error("{{-/* x */}}", "illegal number syntax: \"-\"", 2), // no trim marker, so no comment: - is a number
                error("{{ /* c */ }}", "unexpected \"/\" in command", 3), // a comment must follow {{ directly
                valid("a }} b"), // text outside actions is literal, }} included
                valid("{{ `a\n}}b` }}"), // raw strings span lines and hold }}
                error("{{}}", "missing value for command", 2),
                error("{{ $labels.pod", "unclosed action", 0),
                error("{{ $labels.pod is down", "function \"is\" not defined", 15), // the parser meets is before the lexer meets the end
                error("{{ (1 }}", "unclosed left paren", 6),
                error("{{ 1) }}", "unexpected right paren", 4),
                error("{{ printf \u201c%s\u201d 1 }}", "unrecognized character in action: U+201C '\u201c'", 10),
                error("{{ .Labels.pod-name }}", "bad character U+002D '-'", 14),
                // -- literals
                error("{{ \"\\q\" }}", "invalid syntax", 4), // strconv.Unquote knows no \q
                error("{{ \"\\'\" }}", "invalid syntax", 4), // \' is only for character constants
                valid("{{ \"\\u00e9\\x41\\101\\t\\\\\" }}"),
                error("{{ \"abc }}", "unterminated quoted string", 3),
                error("{{ `abc }}", "unterminated raw quoted string", 3),
                valid("{{ 'a' }}{{ '\\n' }}{{ '\"' }}"),
                error("{{ 'ab' }}", "malformed character constant: 'ab'", 3), // UnquoteChar leaves b' behind
                valid("{{ 0x1F }}{{ 0o17 }}{{ 0b101 }}{{ 017 }}{{ 1_000 }}{{ 1e3 }}{{ .5 }}{{ 0x1p-2 }}{{ 2i }}{{ 1+2i }}{{ -7 }}"),
                error("{{ 089 }}", "integer overflow: \"089\"", 3), // not octal; ParseFloat reads 89 and newNumber calls that overflow
                error("{{ 1__0 }}", "illegal number syntax: \"1__0\"", 3), // underscores only between digits
                error("{{ 3-}}", "bad number syntax: \"3-\"", 3), // 3- starts a complex number that has no i
                error("{{ 1e400 }}", "illegal number syntax: \"1e400\"", 3), // ParseFloat: out of range
                error("{{ 1.5.3 }}", "unexpected \".3\" in operand", 6),
                valid("{{ nil }}{{ true }}{{ false }}"), // nil parses; it only fails when run
                // -- fields, variables, pipelines
                valid("{{ .Labels.pod | toUpper }}"),
                valid("{{ humanize $value }}"),
                valid("{{ printf \"%.2f\" $value }}"),
                valid("{{ $labels.pod | printf \"%s\" | toUpper }}"),
                valid("{{ 3 | printf }}"),
                valid("{{ 3 | }}"), // parse.go's pipeline loop takes the end right after a consumed |
                error("{{ .x | 3 }}", "non executable command in pipeline stage 2", 8),
                valid("{{ (1) }}"),
                valid("{{ (printf \"%s\" $labels).pod }}"), // a field on a parenthesized pipeline is a chain
                error("{{ .x. }}", "unexpected <.> in operand", 5), // .x then a lone dot, which cannot follow without a space
                error("{{ \"a\".x }}", "unexpected . after term \"\\\"a\\\"\"", 6),
                error("{{ humanise $value }}", "function \"humanise\" not defined", 3),
                error("{{ tmpl \"x\" . }}", "function \"tmpl\" not defined", 3), // tmpl exists for console templates only
                valid("{{ $ }}{{ $externalURL }}{{ $externalLabels.env }}"),
                error("{{ $foo }}", "undefined variable \"$foo\"", 3),
                valid("{{ $x := 1 }}{{ $x }}"),
                valid("{{ $x := $x }}"), // the variable is declared before its value is parsed
                error("{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}", "undefined variable \"$y\"", 38), // popVars at end
                valid("{{ if $x := 1 }}{{ else if $x }}{{ $x }}{{ end }}"), // the if's variables reach its else if
                error("{{ $a, $b := 1 }}", "too many declarations in command", 3),
                error("{{ $x = 1 }}", "undefined variable: $x", 3), // Go parses it; expanding it always fails
                // -- control structures
                valid("{{ if gt $value 1.0 }}a{{ else if lt $value 0.0 }}b{{ else }}c{{ end }}"),
                valid("{{ range $i, $e := $labels }}{{ if eq $i \"x\" }}{{ break }}{{ end }}{{ continue }}{{ end }}"),
                error("{{ break }}", "{{break}} outside {{range}}", 3),
                error("{{ range .x }}{{ else }}{{ break }}{{ end }}", "{{break}} outside {{range}}", 27), // rangeDepth drops before else
                error("{{ end }}", "unexpected {{end}}", 0),
                error("{{ else }}", "unexpected {{else}}", 0),
                error("{{ end 3 }}", "unexpected \"3\" in end", 7),
                error("{{ if $value }}no end", "unexpected EOF", 0),
                error("{{ if }}", "missing value for if", 6),
                error("{{ if 1 }}{{ else }}{{ else }}{{ end }}", "expected end; found {{else}}", 20),
                valid("{{ with .x }}a{{ else with .y }}b{{ end }}"), // else with: Go 1.23
                error("{{ if 1 }}a{{ else with .y }}b{{ end }}", "unexpected <with> in input", 19), // else with belongs to with
                error("{{ range .x }}{{ else if 1 }}{{ end }}", "unexpected <if> in input", 22),
                // -- define, block, template
                error("{{ template \"x\" . }}", "template \"x\" not defined", 12), // parses; expanding it fails
                valid("{{ define \"x\" }}hi {{ . }}{{ end }}{{ template \"x\" . }}"),
                valid("{{ template \"x\" }}{{ define \"x\" }}{{ end }}"),
                valid("{{ block \"b\" . }}x{{ end }}{{ template \"b\" . }}"),
                error("{{ define \"x\" }}{{ $labels.pod }}{{ end }}", "undefined variable \"$labels\"", 19), // a define body sees only $
                error("{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}", "template: multiple definition of template \"x\"", 36),
                error("{{ if 1 }}{{ define \"x\" }}{{ end }}{{ end }}", "unexpected <define> in command", 13), // define only at the top
                error("{{ template x }}", "unexpected \"x\" in template clause", 12));
    }

    private static Arguments valid(String template) {
        return Arguments.of(template, VALID, -1);
    }

    private static Arguments error(String template, String message, int offset) {
        return Arguments.of(template, message, offset);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void givesGosVerdictAtGosPlace(String template, String verdict, int offset) {
        List<GoTemplate.Problem> problems = GoTemplate.read(template).problems();
        if (verdict.equals(VALID)) {
            assertThat(problems).as("Go accepts %s", template).isEmpty();
            return;
        }
        assertThat(problems).as("Go stops at its first error in %s", template).hasSize(1);
        GoTemplate.Problem problem = problems.get(0);
        assertThat(problem.message()).as("message for %s", template).isEqualTo(verdict);
        assertThat(problem.offset()).as("offset of %s in %s", verdict, template).isEqualTo(offset);
        assertThat(problem.hint()).as("every problem says how to fix it").isNotBlank();
    }

    @Test
    void labelReferencesAreFoundWithTheirPlaceInTheText() {
        var result = GoTemplate.read("{{ $labels.pod }} on {{ index $labels \"topic\" }} and {{ .Labels.node }}");
        assertThat(result.labels()).as("$labels.x, index $labels \"x\" and .Labels.x at the top level")
                .containsExactly(new GoTemplate.LabelReference("pod", 3, 11),
                        new GoTemplate.LabelReference("topic", 24, 21),
                        new GoTemplate.LabelReference("node", 56, 12));
    }

    @Test
    void labelsUnderAnotherDotAreNotTheAlertsLabels() {
        var result = GoTemplate.read("{{ with .x }}{{ .Labels.node }}{{ end }}");
        assertThat(result.labels()).as("inside with, dot is not the alert data").isEmpty();
    }

    @Test
    void usesValueIsTrueOnlyWhenValueIsRead() {
        assertThat(GoTemplate.read("{{ $value | humanize }}").usesValue()).as("$value read").isTrue();
        assertThat(GoTemplate.read("{{ $labels.pod }}").usesValue()).as("$value not read").isFalse();
    }

    @Test
    void unknownFunctionSuggestsTheNearestKnownOne() {
        assertThat(GoTemplate.read("{{ humanise $value }}").problems().get(0).hint()).isEqualTo("did you mean humanize?");
    }
}
