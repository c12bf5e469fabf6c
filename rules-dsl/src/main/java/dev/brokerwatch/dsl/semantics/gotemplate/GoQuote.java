package dev.brokerwatch.dsl.semantics.gotemplate;

/** Go's {@code %q} and {@code %#U} for the characters a template can hold, so messages read as Go's own. */
final class GoQuote {
    private GoQuote() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** {@code U+002D '-'}: the code point and, when printable, the character itself. */
    static String codePoint(int c) {
        String hex = String.format("U+%04X", c);
        return Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ' ? hex : hex + " '" + new String(Character.toChars(c)) + "'";
    }
}
