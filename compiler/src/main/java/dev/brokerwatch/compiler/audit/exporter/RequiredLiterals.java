package dev.brokerwatch.compiler.audit.exporter;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain texts a jmx_exporter pattern cannot match without: its literal runs outside any group or character class,
 * when it has no top-level alternation and no inline flags. A match text lacking one of them cannot match the
 * pattern, so the simulation skips the regex for it (the same answer, found without running the regex on the
 * thousands of attribute values of an inventory). An empty list means "no shortcut": the regex decides.
 */
final class RequiredLiterals {
    private static final String META = "\\.[]{}()*+?^$|";

    private RequiredLiterals() {
    }

    static List<String> of(String pattern) {
        if (pattern == null || hasInlineFlags(pattern)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == 'Q')) {
                    return List.of(); // a quoted stretch: not worth reading
                }
                flush(out, run, depth == 0 && !inClass);
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                flush(out, run, depth == 0);
                inClass = true;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is a literal member
                }
                continue;
            }
            if (c == '|' && depth == 0) {
                return List.of();
            }
            if (c == '(') {
                flush(out, run, depth == 0);
                depth++;
                continue;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (c == '*' || c == '?' || c == '{') {
                if (run.length() > 0) {
                    run.setLength(run.length() - 1); // the quantifier makes the last character optional
                }
                flush(out, run, depth == 0);
                if (c == '{') {
                    int close = pattern.indexOf('}', i);
                    if (close < 0) {
                        return List.of();
                    }
                    i = close;
                }
                continue;
            }
            if (META.indexOf(c) >= 0) {
                flush(out, run, depth == 0);
                continue;
            }
            if (depth == 0) {
                run.append(c);
            }
        }
        flush(out, run, depth == 0);
        return List.copyOf(out);
    }

    private static void flush(List<String> out, StringBuilder run, boolean keep) {
        if (keep && run.length() > 0) {
            out.add(run.toString());
        }
        run.setLength(0);
    }

    private static boolean hasInlineFlags(String pattern) {
        for (int i = pattern.indexOf("(?"); i >= 0; i = pattern.indexOf("(?", i + 1)) {
            char next = i + 2 < pattern.length() ? pattern.charAt(i + 2) : ':';
            if (next != ':' && next != '=' && next != '!' && next != '<' && next != '>') {
                return true;
            }
        }
        return false;
    }
}
