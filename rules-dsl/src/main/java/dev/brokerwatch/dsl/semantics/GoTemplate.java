package dev.brokerwatch.dsl.semantics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of the Go text/template syntax Prometheus uses in annotations and labels: finds the
 * {@code {{ }}} actions, the {@code $labels.x} references, variables and function names, and the
 * structural mistakes (unclosed actions, an {@code end} without {@code if}, unknown functions).
 */
public final class GoTemplate {

    /** The functions Prometheus's alert templates know, plus Go's template built-ins and keywords. */
    public static final Set<String> FUNCTIONS = Set.of(
            "humanize", "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "printf", "print",
            "println", "query", "first", "label", "value", "strvalue", "reReplaceAll", "title", "toUpper", "toLower",
            "match", "args", "tmpl", "safeHtml", "pathPrefix", "graphLink", "tableLink", "sortByLabel", "stripPort",
            "stripDomain", "toTime", "parseDuration", "len", "index", "and", "or", "not", "eq", "ne", "lt", "le", "gt",
            "ge", "html", "js", "urlquery", "slice", "call", "externalURL", "toDuration", "now");
    private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "define", "template",
            "block", "break", "continue", "nil", "true", "false");
    private static final Set<String> BUILTIN_VARIABLES = Set.of("$labels", "$value", "$externalLabels", "$externalURL", "$");

    private static final Pattern LABEL_REF = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern INDEX_REF = Pattern.compile("index\\s+\\$labels\\s+\"([a-zA-Z_][a-zA-Z0-9_]*)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern DECLARATION = Pattern.compile("(\\$[a-zA-Z_][a-zA-Z0-9_]*)\\s*:?=");
    private static final Pattern WORD = Pattern.compile("(?<![.$\\w])([a-zA-Z_][a-zA-Z0-9_]*)");

    /** A reference to {@code $labels.name}: the label and its offset in the text. */
    public record LabelReference(String label, int offset, String text) {
    }

    /** A problem at an offset of the text. */
    public record Problem(int offset, String needle, String message, String hint) {
    }

    public record Result(List<LabelReference> labels, List<Problem> problems, boolean usesValue) {
    }

    private GoTemplate() {
    }

    public static Result read(String text) {
        List<LabelReference> labels = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Deque<String> blocks = new ArrayDeque<>();
        List<String> declared = new ArrayList<>();
        boolean usesValue = false;
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            int strayClose = text.indexOf("}}", i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                problems.add(new Problem(strayClose, "}}", "'}}' without a matching '{{'", "write {{ \"}}\" }} for literal braces"));
            }
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                problems.add(new Problem(open, "{{", "'{{' is never closed", "close the action with }}"));
                break;
            }
            String action = text.substring(open + 2, close).strip();
            if (action.startsWith("-")) {
                action = action.substring(1).strip();
            }
            if (action.endsWith("-")) {
                action = action.substring(0, action.length() - 1).strip();
            }
            if (action.startsWith("/*")) {
                i = close + 2;
                continue;
            }
            if (action.isEmpty()) {
                problems.add(new Problem(open, "{{", "empty template action", "remove the {{ }} or put a value in it"));
            }
            if (countQuotes(action) % 2 != 0) {
                problems.add(new Problem(open, "{{", "unterminated string in template action", "close the string with \""));
            }
            String first = action.split("\\s+")[0];
            switch (first) {
                case "if", "range", "with", "define", "block" -> blocks.push(first);
                case "end" -> {
                    if (blocks.isEmpty()) {
                        problems.add(new Problem(open, "{{", "{{ end }} without an opening if, range or with", "remove it, or open the block"));
                    } else {
                        blocks.pop();
                    }
                }
                case "else" -> {
                    if (blocks.isEmpty()) {
                        problems.add(new Problem(open, "{{", "{{ else }} outside an if, range or with", null));
                    }
                }
                default -> { }
            }
            Matcher decl = DECLARATION.matcher(action);
            while (decl.find()) {
                declared.add(decl.group(1));
            }
            int base = open;
            Matcher ref = LABEL_REF.matcher(action);
            while (ref.find()) {
                labels.add(new LabelReference(ref.group(1), base + text.substring(open).indexOf(ref.group(0)), ref.group(0)));
            }
            Matcher index = INDEX_REF.matcher(action);
            while (index.find()) {
                labels.add(new LabelReference(index.group(1), base + text.substring(open).indexOf(index.group(0)), index.group(0)));
            }
            String withoutStrings = action.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("`[^`]*`", "\"\"");
            Matcher var = VARIABLE.matcher(withoutStrings);
            while (var.find()) {
                String name = var.group();
                if (name.equals("$value")) {
                    usesValue = true;
                }
                if (!BUILTIN_VARIABLES.contains(name) && !declared.contains(name)) {
                    problems.add(new Problem(open, name, "undefined template variable " + name,
                            "alert templates know $labels, $value and $externalLabels"));
                }
            }
            Matcher word = WORD.matcher(withoutStrings.replaceAll("\\$[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*", "")
                    .replaceAll("\\.[a-zA-Z_][a-zA-Z0-9_]*", ""));
            while (word.find()) {
                String w = word.group(1);
                if (!FUNCTIONS.contains(w) && !KEYWORDS.contains(w) && !w.matches("[0-9eE]+")) {
                    problems.add(new Problem(open, w, "unknown template function " + w,
                            dev.brokerwatch.dsl.catalog.DidYouMean.suggest(w, FUNCTIONS).map(s -> "did you mean " + s + "?")
                                    .orElse("Prometheus template functions include humanize, humanizePercentage, humanizeDuration, printf")));
                }
            }
            i = close + 2;
        }
        if (!blocks.isEmpty()) {
            problems.add(new Problem(Math.max(0, text.lastIndexOf("{{")), "{{", "{{ " + blocks.peek() + " }} is never closed with {{ end }}", "add {{ end }}"));
        }
        return new Result(labels, problems, usesValue);
    }

    private static int countQuotes(String action) {
        int n = 0;
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                n++;
            }
        }
        return n;
    }
}
