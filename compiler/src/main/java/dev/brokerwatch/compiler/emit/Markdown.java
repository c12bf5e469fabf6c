package dev.brokerwatch.compiler.emit;

/** Escaping for the Markdown reference: text that must read as written, in tables, paragraphs and code. */
final class Markdown {
    private Markdown() {
    }

    /** Inline text: Markdown punctuation escaped so that templates and regexes show as written. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A table cell: inline text on one line. */
    static String cell(String s) {
        return s == null || s.isEmpty() ? "" : text(s).replace("\r\n", "\n").replace("\n", "<br>");
    }

    /** An inline code span that survives backticks inside it. */
    static String code(String s) {
        String fence = "`";
        while (s.contains(fence)) {
            fence += "`";
        }
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /** An inline code span inside a table cell, where | must still be escaped. */
    static String codeCell(String s) {
        return code(s).replace("|", "\\|");
    }

    /** A fenced code block, its fence longer than any backtick run in the text. */
    static String block(String language, String s) {
        String fence = "```";
        while (s.contains(fence)) {
            fence += "`";
        }
        return fence + language + "\n" + s + "\n" + fence + "\n";
    }
}
