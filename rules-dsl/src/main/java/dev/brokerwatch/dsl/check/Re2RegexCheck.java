package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression Prometheus would reject. Prometheus parses label-matcher and label_replace regexes with
 * Go's regexp/syntax (RE2 syntax) and anchors them as {@code ^(?s:<regex>)$}; java.util.regex accepts far more
 * (lookaround, backreferences, possessive quantifiers, {@code \h}) and rejects some valid RE2, so the verdict
 * comes from {@link Re2Syntax}: re2j, the RE2 port, with Go's own rules where the two differ.
 */
public final class Re2RegexCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_REGEX;
    private static final String SYNTAX = "https://github.com/google/re2/wiki/Syntax";

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v) {
                    for (LabelMatcher m : v.matchers()) {
                        if (m.op().isRegex() && m.value() instanceof StringLit s) {
                            check(s, out);
                        }
                    }
                } else if (node instanceof Call c && c.function().text().equals("label_replace") && c.args().size() == 5
                        && c.args().get(4) instanceof StringLit s) {
                    check(s, out);
                }
            });
        }
        return out;
    }

    private static void check(StringLit regex, List<Diagnostic> out) {
        Re2Syntax.check(regex.value()).ifPresent(problem -> {
            var at = problem.offset() < 0 ? regex.span()
                    : LiteralSpans.spanOf(regex, problem.offset(), problem.offset() + problem.length());
            out.add(Diagnostic.of(CODE, Severity.ERROR, at, "Prometheus rejects this regex: " + problem.message(),
                    hint(problem.code())));
        });
    }

    private static String hint(String code) {
        String anchoring = "Prometheus anchors it as ^(?s:<regex>)$ and reads RE2 syntax: " + SYNTAX;
        return switch (code) {
            case "invalid or unsupported Perl syntax", "invalid named capture" ->
                    "RE2 has no lookahead, lookbehind, atomic groups or comments; for \"not matching\" use the !~ matcher. "
                            + anchoring;
            case "invalid escape sequence" ->
                    "RE2 knows \\d \\s \\w \\b \\pL \\x{41} \\Q…\\E, not \\h \\Z \\G \\K or backreferences like \\1. "
                            + anchoring;
            case "invalid nested repetition operator" ->
                    "RE2 has no possessive quantifiers: write a+ rather than a++, and one repetition per operand. " + anchoring;
            case "invalid repeat count" -> "a count is at most 1000, also when nested counts multiply. " + anchoring;
            default -> anchoring;
        };
    }
}
