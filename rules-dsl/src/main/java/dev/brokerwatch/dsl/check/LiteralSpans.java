package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.source.Span;

/**
 * Where a part of a string literal's value is in the source. The value is not the source text: quotes are
 * removed and escapes resolved ({@code "\\h"} is the value {@code \h}), so offsets are mapped by reading the
 * literal again the way the parser did.
 */
final class LiteralSpans {
    private LiteralSpans() {
    }

    /**
     * The source span of the value's characters {@code from} (inclusive) to {@code to} (exclusive), or the whole
     * literal when the value cannot be traced to the source (a triple-quoted text, or a value a parameter replaced).
     */
    static Span spanOf(StringLit literal, int from, int to) {
        int[] sourceOffsets = sourceOffsets(literal.span().text(), literal.value());
        if (sourceOffsets == null || from < 0 || to < from || to >= sourceOffsets.length) {
            return literal.span();
        }
        int start = literal.span().start();
        return new Span(literal.span().file(), start + sourceOffsets[from], start + sourceOffsets[to]);
    }

    /**
     * For each character of {@code value}, the offset in {@code raw} where its source starts; one more entry
     * for the closing quote. Null when {@code raw} does not read as {@code value}.
     */
    private static int[] sourceOffsets(String raw, String value) {
        if (raw.length() < 2 || raw.startsWith("\"\"\"")) {
            return null;
        }
        char quote = raw.charAt(0);
        int[] offsets = new int[value.length() + 1];
        StringBuilder read = new StringBuilder(value.length());
        int i = 1;
        int end = raw.length() - 1;
        while (i < end) {
            offsets[Math.min(read.length(), value.length())] = i;
            char c = raw.charAt(i);
            if (quote == '`' || c != '\\' || i + 1 >= end) {
                read.append(c);
                i++;
                continue;
            }
            char next = raw.charAt(i + 1);
            if (next == 'u' && i + 6 <= end) {
                try {
                    read.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
                } catch (NumberFormatException e) {
                    return null;
                }
                i += 6;
                continue;
            }
            read.append(switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'a' -> '\u0007';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> next;
            });
            i += 2;
            if (read.length() > value.length()) {
                return null;
            }
        }
        offsets[Math.min(read.length(), value.length())] = end;
        return read.toString().equals(value) ? offsets : null;
    }
}
