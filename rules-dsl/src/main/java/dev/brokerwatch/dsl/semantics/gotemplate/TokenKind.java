package dev.brokerwatch.dsl.semantics.gotemplate;

/** The kinds of token Go's template lexer produces; the keywords are marked so messages can print them as Go does. */
enum TokenKind {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN,
    NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
    BLOCK(true), BREAK(true), CONTINUE(true), DOT(true), DEFINE(true), ELSE(true), END(true), IF(true), NIL(true),
    RANGE(true), TEMPLATE(true), WITH(true);

    private final boolean keyword;

    TokenKind() {
        this(false);
    }

    TokenKind(boolean keyword) {
        this.keyword = keyword;
    }

    boolean keyword() {
        return keyword;
    }

    /** The keyword a word is, if any ({@code break} and {@code continue} are keywords: Prometheus defines no such functions). */
    static TokenKind keywordOf(String word) {
        return switch (word) {
            case "block" -> BLOCK;
            case "break" -> BREAK;
            case "continue" -> CONTINUE;
            case "define" -> DEFINE;
            case "else" -> ELSE;
            case "end" -> END;
            case "if" -> IF;
            case "nil" -> NIL;
            case "range" -> RANGE;
            case "template" -> TEMPLATE;
            case "with" -> WITH;
            default -> null;
        };
    }
}
