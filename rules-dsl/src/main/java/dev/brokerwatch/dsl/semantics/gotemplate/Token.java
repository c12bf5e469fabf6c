package dev.brokerwatch.dsl.semantics.gotemplate;

/**
 * One token of a template: its kind, where it starts and ends in the template text, and its text. An
 * {@link TokenKind#ERROR} token carries the lexer's message as text and a hint; it ends the token list.
 */
record Token(TokenKind kind, int start, int end, String text, String hint) {

    Token(TokenKind kind, int start, int end, String text) {
        this(kind, start, end, text, null);
    }

    /** The token as Go's messages print it: keywords in angle brackets, EOF bare, the rest quoted and cut at ten characters. */
    String describe() {
        if (kind == TokenKind.EOF) {
            return "EOF";
        }
        if (kind == TokenKind.ERROR) {
            return text;
        }
        if (kind.keyword()) {
            return "<" + text + ">";
        }
        if (text.codePointCount(0, text.length()) > 10) {
            return GoQuote.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
        }
        return GoQuote.quote(text);
    }
}
