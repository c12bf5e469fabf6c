package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression Prometheus would reject. Prometheus uses Go's RE2, which has no backreferences,
 * lookaround, possessive quantifiers or atomic groups; those are fine in Java, so they would slip through
 * any check that only compiles the pattern here.
 */
public final class Re2RegexCheck implements Check {
    public static final CheckCode CODE = CheckCode.PROMQL_REGEX;

    private static final Pattern[] PERL_ONLY = {
            Pattern.compile("\\\\[1-9]"),
            Pattern.compile("\\(\\?<?[=!]"),
            Pattern.compile("\\(\\?>"),
            Pattern.compile("[*+?}]\\+"),
            Pattern.compile("\\\\[kgGZ]"),
    };
    private static final String[] PERL_ONLY_NAMES = {
            "backreferences", "lookahead and lookbehind", "atomic groups", "possessive quantifiers", "this escape"};

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            PromQlWalker.forEach(e.expr(), node -> {
                if (node instanceof VectorSelector v) {
                    for (LabelMatcher m : v.matchers()) {
                        if (m.op().isRegex() && m.value() instanceof StringLit s) {
                            check(s.value(), s.span(), out);
                        }
                    }
                } else if (node instanceof Call c && c.function().text().equals("label_replace") && c.args().size() == 5
                        && c.args().get(4) instanceof StringLit s) {
                    check(s.value(), s.span(), out);
                }
            });
        }
        return out;
    }

    /** Returns the problem with {@code regex}, or null when RE2 accepts it. */
    public static String problem(String regex) {
        for (int i = 0; i < PERL_ONLY.length; i++) {
            if (PERL_ONLY[i].matcher(regex).find()) {
                return "RE2 has no " + PERL_ONLY_NAMES[i];
            }
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription() + " near index " + e.getIndex();
        }
    }

    private static void check(String regex, Span at, List<Diagnostic> out) {
        String problem = problem(regex);
        if (problem != null) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, at, "invalid regular expression: " + problem,
                    "Prometheus anchors the regex and uses RE2 syntax: https://github.com/google/re2/wiki/Syntax"));
        }
    }
}
