package dev.brokerwatch.dsl.check;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * Whether Prometheus accepts a regular expression: the verdict of Go's regexp/syntax (Go 1.22+, Perl flags), as
 * Prometheus parses label-matcher and label_replace regexes before anchoring them as {@code ^(?s:<regex>)$}.
 * re2j, the RE2 port for Java, judges the syntax; {@link GoRegexpScan} covers the rules where re2j and Go differ.
 */
public final class Re2Syntax {
    private static final String INTERNAL_ERROR = "regexp/syntax: internal error";
    private static final String UNEXPECTED_PAREN = "unexpected )";
    private static final String MISSING_PAREN = "missing closing )";
    private static final String DUPLICATE_NAME = "duplicate capture group name";
    private static final String TOO_DEEP = "expression nests too deeply";

    private Re2Syntax() {
    }

    /**
     * Why Go rejects a regex, in Go's words.
     *
     * @param code   Go's error code, e.g. "invalid escape sequence"
     * @param expr   the fragment Go names, e.g. {@code \h}, or the whole pattern
     * @param offset where {@code expr} starts in the pattern, or -1 when it is the whole pattern or not found
     */
    public record Problem(String code, String expr, int offset) {
        /** Go's error text: {@code error parsing regexp: invalid escape sequence: `\h`}. */
        public String message() {
            return "error parsing regexp: " + code + ": `" + expr + "`";
        }

        /** The length of the offending part at {@code offset}: at least one character, so a caret can point at it. */
        public int length() {
            return Math.max(1, expr.length());
        }
    }

    /** Returns why Prometheus would reject {@code regex}, or empty when it accepts it. */
    public static Optional<Problem> check(String regex) {
        GoRegexpScan.Result scan = GoRegexpScan.scan(regex);
        GoRegexpScan.Finding finding = scan.finding();
        if (finding == null) {
            return compile(scan.re2jInput(), regex, scan.stoppedAt());
        }
        // Go stops at the first error: one re2j sees before the finding comes first. A prefix with more open
        // groups than Go's height limit is not given to re2j, whose parser recurses that deep.
        Optional<Problem> earlier = finding.depth() > GoRegexpScan.MAX_HEIGHT ? Optional.empty()
                : compile(finding.re2jPrefix(), regex, -1);
        if (earlier.isPresent() && !earlier.get().code().equals(TOO_DEEP)) {
            return earlier;
        }
        return Optional.of(finding.expr() == null
                ? new Problem(finding.code(), regex, -1)
                : new Problem(finding.code(), finding.expr(), finding.at()));
    }

    private static Optional<Problem> compile(String re2jInput, String regex, int from) {
        try {
            Pattern.compile(re2jInput);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            String code = e.getDescription();
            String expr = e.getPattern();
            if (code.equals(INTERNAL_ERROR) && "stack underflow".equals(expr)) {
                // re2j keeps the wording of older Go; Go 1.22 says "unexpected )" and names the whole pattern
                return Optional.of(new Problem(UNEXPECTED_PAREN, regex, -1));
            }
            if (code.equals(DUPLICATE_NAME)) {
                return Optional.empty(); // Go accepts a group name twice; the scan rewrites those, this is a safety net
            }
            if (code.equals(MISSING_PAREN)) {
                return Optional.of(new Problem(code, regex, -1));
            }
            if (expr.isEmpty()) {
                // "trailing backslash at end of expression": Go names nothing, the backslash is the last character
                return Optional.of(new Problem(code, expr, regex.length() - 1));
            }
            return Optional.of(new Problem(code, expr, locate(regex, expr, from)));
        } catch (StackOverflowError e) {
            return Optional.of(new Problem(TOO_DEEP, regex, -1));
        }
    }

    /** Where Go's fragment is: at or after where the scan met the error, else its first occurrence. */
    private static int locate(String regex, String expr, int from) {
        if (from >= 0) {
            int at = regex.indexOf(expr, from);
            if (at >= 0) {
                return at;
            }
        }
        return regex.indexOf(expr);
    }
}
