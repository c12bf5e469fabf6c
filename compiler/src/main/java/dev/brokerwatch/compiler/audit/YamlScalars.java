package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where each character of a YAML scalar's value is written in the file. The parser gives the value and the
 * scalar's start and end; the characters in between are read again by the rules of the scalar's style (plain,
 * single- and double-quoted with their escapes, literal {@code |} and folded {@code >} blocks with their
 * indentation and folding), and the value so read is compared with the parser's: when they differ (a case
 * these rules do not cover) every character points at the scalar's start instead of at a wrong column.
 */
public final class YamlScalars {

    private YamlScalars() {
    }

    /** The value of {@code node} with the offset in {@code file} of each of its characters. */
    public static MappedText map(SourceFile file, ScalarNode node) {
        String text = file.text();
        int start = charIndex(text, node.getStartMark().getIndex());
        int end = Math.max(start, charIndex(text, node.getEndMark().getIndex()));
        String value = node.getValue();
        Builder read = switch (node.getScalarStyle()) {
            case PLAIN -> flow(text, start, end, '\0');
            case SINGLE_QUOTED -> flow(text, start + 1, end - 1, '\'');
            case DOUBLE_QUOTED -> flow(text, start + 1, end - 1, '"');
            case LITERAL -> block(text, start, end, false);
            case FOLDED -> block(text, start, end, true);
            default -> null;
        };
        boolean block = node.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || node.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
        if (read == null || !(block ? read.out.toString().startsWith(value) : read.out.toString().equals(value))) {
            return MappedText.coarse(file, start, end, value);
        }
        int[] offsets = new int[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            offsets[i] = read.offsets.get(i);
        }
        offsets[value.length()] = value.isEmpty() ? start
                : value.length() < read.offsets.size() ? read.offsets.get(value.length()) : offsets[value.length() - 1] + 1;
        if (block && !value.isEmpty() && value.charAt(value.length() - 1) != '\n') {
            offsets[value.length()] = offsets[value.length() - 1] + 1;
        }
        return new MappedText(value, file, offsets);
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    static int charIndex(String text, int codePointIndex) {
        if (codePointIndex >= text.length() || text.codePointCount(0, codePointIndex) == codePointIndex) {
            return Math.min(codePointIndex, text.length());
        }
        return text.offsetByCodePoints(0, codePointIndex);
    }

    private static final class Builder {
        final StringBuilder out = new StringBuilder();
        final List<Integer> offsets = new ArrayList<>();

        void add(char c, int offset) {
            out.append(c);
            offsets.add(offset);
        }

        void add(String s, int offset) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i), offset);
            }
        }
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Plain ({@code quote} 0), single- or double-quoted text between {@code from} and {@code to}, folded. */
    private static Builder flow(String text, int from, int to, char quote) {
        Builder b = new Builder();
        List<Integer> pendingBlanks = new ArrayList<>();
        int i = from;
        boolean afterEscapedBreak = false;
        while (i < to) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                if (!afterEscapedBreak) {
                    pendingBlanks.add(i);
                }
                i++;
                continue;
            }
            if (isBreak(c)) {
                pendingBlanks.clear();
                int firstBreak = i;
                List<Integer> breaks = new ArrayList<>();
                while (i < to && (isBreak(text.charAt(i)) || isBlank(text.charAt(i)))) {
                    if (text.charAt(i) == '\n' || (text.charAt(i) == '\r' && (i + 1 >= to || text.charAt(i + 1) != '\n'))) {
                        breaks.add(i);
                    }
                    i++;
                }
                if (afterEscapedBreak) {
                    afterEscapedBreak = false;
                    for (int k = 1; k < breaks.size(); k++) {
                        b.add('\n', breaks.get(k));
                    }
                    continue;
                }
                if (breaks.size() <= 1) {
                    b.add(' ', firstBreak);
                } else {
                    for (int k = 1; k < breaks.size(); k++) {
                        b.add('\n', breaks.get(k));
                    }
                }
                continue;
            }
            afterEscapedBreak = false;
            for (int blank : pendingBlanks) {
                b.add(text.charAt(blank), blank);
            }
            pendingBlanks.clear();
            if (quote == '\'' && c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
                b.add('\'', i);
                i += 2;
                continue;
            }
            if (quote == '"' && c == '\\' && i + 1 < to) {
                char e = text.charAt(i + 1);
                if (isBreak(e)) {
                    // an escaped line break: no space, and the next line's indentation is not content
                    afterEscapedBreak = true;
                    i++;
                    continue;
                }
                int width = switch (e) {
                    case 'x' -> 4;
                    case 'u' -> 6;
                    case 'U' -> 10;
                    default -> 2;
                };
                String decoded = switch (e) {
                    case '0' -> "\0";
                    case 'a' -> "\u0007";
                    case 'b' -> "\b";
                    case 't', '\t' -> "\t";
                    case 'n' -> "\n";
                    case 'v' -> "\u000b";
                    case 'f' -> "\f";
                    case 'r' -> "\r";
                    case 'e' -> "\u001b";
                    case ' ' -> " ";
                    case '"' -> "\"";
                    case '/' -> "/";
                    case '\\' -> "\\";
                    case 'N' -> "\u0085";
                    case '_' -> "\u00a0";
                    case 'L' -> "\u2028";
                    case 'P' -> "\u2029";
                    case 'x', 'u', 'U' -> hex(text, i + 2, Math.min(to, i + width));
                    default -> null;
                };
                if (decoded == null) {
                    return null;
                }
                b.add(decoded, i);
                i += width;
                continue;
            }
            b.add(c, i);
            i++;
        }
        for (int blank : pendingBlanks) {
            b.add(text.charAt(blank), blank);
        }
        return b;
    }

    private static String hex(String text, int from, int to) {
        try {
            return new String(Character.toChars(Integer.parseInt(text.substring(from, to), 16)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One line of a block scalar: where its content starts, the content, and where its line break is. */
    private record Line(int contentStart, String content, int breakAt, boolean empty, boolean moreIndented) {
    }

    /** A literal or folded block scalar: header at {@code from}, content lines up to {@code to}. */
    private static Builder block(String text, int from, int to, boolean folded) {
        int i = from;
        while (i < to && !isBreak(text.charAt(i))) {
            i++; // the header: indicator, chomping, indentation, comment
        }
        if (i < to && text.charAt(i) == '\r') {
            i++;
        }
        i++;
        List<int[]> rawLines = new ArrayList<>();
        while (i < to) {
            int lineStart = i;
            while (i < to && !isBreak(text.charAt(i))) {
                i++;
            }
            int lineEnd = i;
            if (i < to && text.charAt(i) == '\r') {
                i++;
            }
            rawLines.add(new int[] {lineStart, lineEnd});
            i++;
        }
        int indent = -1;
        for (int[] l : rawLines) {
            int k = l[0];
            while (k < l[1] && text.charAt(k) == ' ') {
                k++;
            }
            if (k < l[1]) {
                indent = k - l[0];
                break;
            }
        }
        if (indent < 0) {
            return new Builder();
        }
        List<Line> lines = new ArrayList<>();
        for (int[] l : rawLines) {
            int contentStart = Math.min(l[0] + indent, l[1]);
            String content = text.substring(contentStart, l[1]);
            boolean empty = text.substring(l[0], l[1]).isBlank() && l[1] - l[0] <= indent;
            lines.add(new Line(contentStart, empty ? "" : content, l[1], empty, !content.isEmpty() && isBlank(content.charAt(0))));
        }
        Builder b = new Builder();
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            if (line.empty()) {
                continue;
            }
            for (int k = 0; k < line.content().length(); k++) {
                b.add(line.content().charAt(k), line.contentStart() + k);
            }
            int next = n + 1;
            List<Integer> emptyBreaks = new ArrayList<>();
            while (next < lines.size() && lines.get(next).empty()) {
                emptyBreaks.add(lines.get(next).breakAt());
                next++;
            }
            boolean lastContent = next >= lines.size();
            if (folded && !lastContent && !line.moreIndented() && !lines.get(next).moreIndented()) {
                if (emptyBreaks.isEmpty()) {
                    b.add(' ', line.breakAt());
                } else {
                    emptyBreaks.forEach(at -> b.add('\n', at));
                }
            } else {
                b.add('\n', line.breakAt());
                emptyBreaks.forEach(at -> b.add('\n', at));
            }
            n = next - 1;
        }
        return b;
    }
}
