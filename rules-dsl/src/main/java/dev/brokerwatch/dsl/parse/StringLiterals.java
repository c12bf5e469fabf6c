package dev.brokerwatch.dsl.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a STRING token into its value: quotes removed, escapes resolved, triple-quoted text dedented. The
 * same pass records where each character of the value comes from in the token, so that a position found in
 * the value (a template's error, say) can be shown at the right place in the source.
 */
public final class StringLiterals {
    private StringLiterals() {
    }

    /** A token's value and, for each index of the value, the index in the token it came from (one extra entry: the closing quote). */
    private record Decoded(String value, int[] offsets) {
    }

    /** Returns the value, or throws IllegalArgumentException naming the bad escape. */
    static String unquote(String token) {
        return decode(token).value();
    }

    /**
     * For a STRING token, the offset in the token of each character of its value, plus one entry for the end
     * of the value: {@code sourceOffsets(token)[i]} is where value character {@code i} starts in the token.
     * Throws IllegalArgumentException for a token {@link #unquote} rejects.
     */
    public static int[] sourceOffsets(String token) {
        return decode(token).offsets();
    }

    /** The value of a STRING token, as the parser computed it. */
    public static String value(String token) {
        return decode(token).value();
    }

    private static Decoded decode(String token) {
        if (token.startsWith("\"\"\"")) {
            return dedent(token, 3, token.length() - 3);
        }
        char quote = token.charAt(0);
        int end = token.length() - 1;
        StringBuilder out = new StringBuilder(end);
        int[] offsets = new int[end + 1];
        if (quote == '`') {
            for (int i = 1; i < end; i++) {
                offsets[out.length()] = i;
                out.append(token.charAt(i));
            }
            offsets[out.length()] = end;
            return new Decoded(out.toString(), Arrays.copyOf(offsets, out.length() + 1));
        }
        for (int i = 1; i < end; i++) {
            offsets[out.length()] = i;
            char c = token.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = token.charAt(++i);
            switch (next) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case '\\': out.append('\\'); break;
                case '"': out.append('"'); break;
                case '\'': out.append('\''); break;
                case 'u':
                    if (i + 4 >= end) {
                        throw new IllegalArgumentException("\\u needs four hex digits");
                    }
                    out.append((char) Integer.parseInt(token.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'v': out.append('\u000b'); break;
                default:
                    // Prometheus rejects what Go's strconv rejects, so a regex's \. must be written \\. or in backticks
                    throw new IllegalArgumentException("unknown escape sequence \\" + next);
            }
        }
        offsets[out.length()] = end;
        return new Decoded(out.toString(), Arrays.copyOf(offsets, out.length() + 1));
    }

    /** Triple-quoted text: drop the first and last line breaks and the common indentation. */
    static String dedent(String raw) {
        return dedent(raw, 0, raw.length()).value();
    }

    /** Dedents {@code token[from, to)}, keeping the token offset of every character kept. */
    private static Decoded dedent(String token, int from, int to) {
        int start = from;
        if (token.startsWith("\n", start) && start < to) {
            start += 1;
        } else if (token.startsWith("\r\n", start) && start + 1 < to) {
            start += 2;
        }
        // lines as [start, end) in the token, split at \n with a \r before it dropped, as "\r?\n" does
        List<int[]> lines = new ArrayList<>();
        int lineStart = start;
        for (int i = start; i < to; i++) {
            if (token.charAt(i) == '\n') {
                int lineEnd = i > lineStart && token.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(new int[] {lineStart, lineEnd});
                lineStart = i + 1;
            }
        }
        lines.add(new int[] {lineStart, to});
        int last = lines.size();
        if (last > 0 && isBlank(token, lines.get(last - 1))) {
            last--;
        }
        int indent = Integer.MAX_VALUE;
        for (int i = 0; i < last; i++) {
            int[] line = lines.get(i);
            if (isBlank(token, line)) {
                continue;
            }
            int n = 0;
            while (line[0] + n < line[1] && (token.charAt(line[0] + n) == ' ' || token.charAt(line[0] + n) == '\t')) {
                n++;
            }
            indent = Math.min(indent, n);
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        StringBuilder out = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            int[] line = lines.get(i);
            if (line[1] - line[0] >= indent) {
                for (int k = line[0] + indent; k < line[1]; k++) {
                    offsets.add(k);
                    out.append(token.charAt(k));
                }
            } else {
                String stripped = token.substring(line[0], line[1]).strip();
                int at = token.indexOf(stripped, line[0]);
                for (int k = 0; k < stripped.length(); k++) {
                    offsets.add(at + k);
                    out.append(stripped.charAt(k));
                }
            }
            if (i < last - 1) {
                offsets.add(line[1]);
                out.append('\n');
            }
        }
        offsets.add(last > 0 ? lines.get(last - 1)[1] : to);
        return new Decoded(out.toString(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean isBlank(String token, int[] line) {
        return token.substring(line[0], line[1]).isBlank();
    }
}
