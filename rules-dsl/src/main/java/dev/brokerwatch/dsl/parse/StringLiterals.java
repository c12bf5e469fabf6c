package dev.brokerwatch.dsl.parse;

/** Turns a STRING token into its value: quotes removed, escapes resolved, triple-quoted text dedented. */
final class StringLiterals {
    private StringLiterals() {
    }

    /** Returns the value, or throws IllegalArgumentException naming the bad escape. */
    static String unquote(String token) {
        if (token.startsWith("\"\"\"")) {
            return dedent(token.substring(3, token.length() - 3));
        }
        char quote = token.charAt(0);
        String body = token.substring(1, token.length() - 1);
        if (quote == '`') {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case '\\': out.append('\\'); break;
                case '"': out.append('"'); break;
                case '\'': out.append('\''); break;
                case 'u':
                    if (i + 4 >= body.length()) {
                        throw new IllegalArgumentException("\\u needs four hex digits");
                    }
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
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
        return out.toString();
    }

    /** Triple-quoted text: drop the first and last line breaks and the common indentation. */
    static String dedent(String raw) {
        String text = raw;
        if (text.startsWith("\n")) {
            text = text.substring(1);
        } else if (text.startsWith("\r\n")) {
            text = text.substring(2);
        }
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        if (last > 0 && lines[last - 1].isBlank()) {
            last--;
        }
        int indent = Integer.MAX_VALUE;
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
                n++;
            }
            indent = Math.min(indent, n);
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            out.append(line.length() >= indent ? line.substring(indent) : line.strip());
            if (i < last - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
