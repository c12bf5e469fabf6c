package dev.brokerwatch.dsl.semantics.gotemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into tokens by the rules of Go's text/template lexer: text outside {@code {{ }}}, actions
 * inside, trim markers ({@code "{{- "} and {@code " -}}"}, which need the space), comments that must sit
 * directly between the delimiters. The list ends with an {@link TokenKind#EOF} token or with the first
 * {@link TokenKind#ERROR}; Go stops at its first error, so nothing after it matters.
 */
final class TemplateLexer {
    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final String DECIMAL = "0123456789_";
    private static final String HEX = "0123456789abcdefABCDEF_";

    private final String in;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int parenDepth;
    private int actionStart;

    private TemplateLexer(String in) {
        this.in = in;
    }

    static List<Token> lex(String text) {
        TemplateLexer lexer = new TemplateLexer(text);
        lexer.run();
        return lexer.out;
    }

    private void run() {
        while (text() && action()) {
            // text and actions alternate until the end or the first error
        }
    }

    /** Text up to the next {@code {{}; false once the end is reached. */
    private boolean text() {
        int x = in.indexOf(LEFT, pos);
        if (x < 0) {
            if (pos < in.length()) {
                out.add(new Token(TokenKind.TEXT, pos, in.length(), in.substring(pos)));
            }
            out.add(new Token(TokenKind.EOF, in.length(), in.length(), ""));
            return false;
        }
        int end = x;
        if (hasLeftTrimMarker(x + LEFT.length())) {
            while (end > pos && isSpace(in.charAt(end - 1))) {
                end--;
            }
        }
        if (end > pos) {
            out.add(new Token(TokenKind.TEXT, pos, end, in.substring(pos, end)));
        }
        pos = x;
        return true;
    }

    /** One action or comment starting at {@code {{}; false after an error. */
    private boolean action() {
        actionStart = pos;
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (in.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            return comment();
        }
        out.add(new Token(TokenKind.LEFT_DELIM, actionStart, actionStart + LEFT.length(), LEFT));
        pos += afterMarker;
        parenDepth = 0;
        while (true) {
            int delim = rightDelimAt(pos);
            if (delim > 0) {
                if (parenDepth > 0) {
                    return error(pos, pos + delim, "unclosed left paren", "close every ( with ) before }}");
                }
                int start = pos + delim - RIGHT.length();
                out.add(new Token(TokenKind.RIGHT_DELIM, start, start + RIGHT.length(), RIGHT));
                pos += delim;
                if (delim > RIGHT.length()) {
                    skipSpaces();
                }
                return true;
            }
            if (!insideAction()) {
                return false;
            }
        }
    }

    private boolean comment() {
        int start = pos;
        int close = in.indexOf("*/", pos + 2);
        if (close < 0) {
            return error(start, start + 2, "unclosed comment", "end the comment with */}}");
        }
        pos = close + 2;
        int delim = rightDelimAt(pos);
        if (delim == 0) {
            return error(start, pos, "comment ends before closing delimiter",
                    "a comment must fill the whole action: write {{/* ... */}}, nothing between */ and }}");
        }
        pos += delim;
        if (delim > RIGHT.length()) {
            skipSpaces();
        }
        return true;
    }

    /** One token inside an action; false after an error. */
    private boolean insideAction() {
        if (pos >= in.length()) {
            return error(actionStart, actionStart + LEFT.length(), "unclosed action", "end the action with }}");
        }
        int start = pos;
        int c = in.codePointAt(pos);
        if (isSpace(c)) {
            // a space that starts " -}}" belongs to the closing delimiter
            while (pos < in.length() && isSpace(in.charAt(pos)) && (pos == start || rightDelimAt(pos) == 0)) {
                pos++;
            }
            return emit(TokenKind.SPACE, start);
        }
        switch (c) {
            case '=':
                pos++;
                return emit(TokenKind.ASSIGN, start);
            case ':':
                pos++;
                if (pos >= in.length() || in.charAt(pos) != '=') {
                    return error(start, start + 1, "expected :=", "declare a variable with $name := value");
                }
                pos++;
                return emit(TokenKind.DECLARE, start);
            case '|':
                pos++;
                return emit(TokenKind.PIPE, start);
            case '"':
                return quoted('"', TokenKind.STRING, "unterminated quoted string",
                        "close the string with \" on the same line; a `raw string` may span lines");
            case '`':
                return quoted('`', TokenKind.RAW_STRING, "unterminated raw quoted string", "close the raw string with `");
            case '\'':
                return quoted('\'', TokenKind.CHAR_CONSTANT, "unterminated character constant",
                        "close the character with '; write strings in double quotes");
            case '$':
                return fieldOrVariable(TokenKind.VARIABLE);
            case '(':
                pos++;
                parenDepth++;
                return emit(TokenKind.LEFT_PAREN, start);
            case ')':
                pos++;
                if (--parenDepth < 0) {
                    return error(start, pos, "unexpected right paren", "remove the ) or open it with (");
                }
                return emit(TokenKind.RIGHT_PAREN, start);
            default:
                break;
        }
        if (c == '.' && pos + 1 < in.length() && !isDigit(in.charAt(pos + 1))) {
            return fieldOrVariable(TokenKind.FIELD);
        }
        if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
            return number();
        }
        if (isAlphaNumeric(c)) {
            return identifier();
        }
        if (c >= 0x21 && c <= 0x7e) {
            pos++;
            return emit(TokenKind.CHAR, start);
        }
        return error(start, start + Character.charCount(c), "unrecognized character in action: " + GoQuote.codePoint(c),
                c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019'
                        ? "use straight quotes: \"...\" for strings"
                        : "outside strings an action holds only ASCII: names, numbers, strings, | ( ) and spaces");
    }

    private boolean identifier() {
        int start = pos;
        skipAlphaNumerics();
        if (!atTerminator()) {
            return badCharacter();
        }
        String word = in.substring(start, pos);
        TokenKind keyword = TokenKind.keywordOf(word);
        TokenKind kind = keyword != null ? keyword : word.equals("true") || word.equals("false") ? TokenKind.BOOL : TokenKind.IDENTIFIER;
        return emit(kind, start);
    }

    /** {@code .Name} or {@code $name}; a bare {@code .} is the dot and a bare {@code $} the data's variable. */
    private boolean fieldOrVariable(TokenKind kind) {
        int start = pos;
        pos++;
        if (atTerminator()) {
            return emit(kind == TokenKind.FIELD ? TokenKind.DOT : TokenKind.VARIABLE, start);
        }
        skipAlphaNumerics();
        if (!atTerminator()) {
            return badCharacter();
        }
        return emit(kind, start);
    }

    private boolean badCharacter() {
        int c = in.codePointAt(pos);
        return error(pos, pos + Character.charCount(c), "bad character " + GoQuote.codePoint(c),
                c == '-' ? "a name holds letters, digits and _ only: write index $labels \"a-b\" for a label such as a-b"
                        : "a name ends at a space, '.', ',', '|', ':', '(' or ')'");
    }

    /** After an identifier: a space, one of {@code .,|:()}, the end, or the closing delimiter. */
    private boolean atTerminator() {
        if (pos >= in.length()) {
            return true;
        }
        char c = in.charAt(pos);
        return isSpace(c) || ".,|:)(".indexOf(c) >= 0 || in.startsWith(RIGHT, pos);
    }

    private boolean quoted(char quote, TokenKind kind, String unterminated, String hint) {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= in.length()) {
                return error(start, start + 1, unterminated, hint);
            }
            char c = in.charAt(pos++);
            if (c == quote) {
                return emit(kind, start);
            }
            if (quote == '`') {
                continue;
            }
            if (c == '\n' || c == '\\' && (pos >= in.length() || in.charAt(pos) == '\n')) {
                return error(start, start + 1, unterminated, hint);
            }
            if (c == '\\') {
                pos++;
            }
        }
    }

    /** Go's lexer takes a loose number shape here; the parser checks it with Go's number rules. */
    private boolean number() {
        int start = pos;
        if (!scanNumber()) {
            return badNumber(start);
        }
        if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
            // complex: 1+2i, no spaces, ending in i
            if (!scanNumber() || in.charAt(pos - 1) != 'i') {
                return badNumber(start);
            }
            return emit(TokenKind.COMPLEX, start);
        }
        return emit(TokenKind.NUMBER, start);
    }

    private boolean badNumber(int start) {
        return error(start, pos, "bad number syntax: " + GoQuote.quote(in.substring(start, pos)),
                "write a Go number such as 3, -1.5, 0x1F, 1_000 or 1e3, and a space after it");
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = DECIMAL;
        if (accept("0")) {
            if (accept("xX")) {
                digits = HEX;
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.equals(DECIMAL) && accept("eE")) {
            accept("+-");
            acceptRun(DECIMAL);
        }
        if (digits.equals(HEX) && accept("pP")) {
            accept("+-");
            acceptRun(DECIMAL);
        }
        accept("i");
        if (pos < in.length() && isAlphaNumeric(in.codePointAt(pos))) {
            pos += Character.charCount(in.codePointAt(pos));
            return false;
        }
        return true;
    }

    private boolean accept(String valid) {
        if (pos < in.length() && valid.indexOf(in.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    private void skipAlphaNumerics() {
        while (pos < in.length() && isAlphaNumeric(in.codePointAt(pos))) {
            pos += Character.charCount(in.codePointAt(pos));
        }
    }

    private void skipSpaces() {
        while (pos < in.length() && isSpace(in.charAt(pos))) {
            pos++;
        }
    }

    /** The length of the closing delimiter at {@code at}: 2 for {@code }}}, 4 for {@code " -}}"}, 0 if none. */
    private int rightDelimAt(int at) {
        if (at + 1 < in.length() && isSpace(in.charAt(at)) && in.charAt(at + 1) == '-' && in.startsWith(RIGHT, at + 2)) {
            return 2 + RIGHT.length();
        }
        return in.startsWith(RIGHT, at) ? RIGHT.length() : 0;
    }

    /** {@code "- "} right after {@code {{}: the marker needs the space, so {@code {{-3}}} is the number -3. */
    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
    }

    private boolean emit(TokenKind kind, int start) {
        out.add(new Token(kind, start, pos, in.substring(start, pos)));
        return true;
    }

    private boolean error(int start, int end, String message, String hint) {
        out.add(new Token(TokenKind.ERROR, start, end, message, hint));
        return false;
    }

    /** Go's template spaces: space, tab, carriage return and newline. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphaNumeric(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }
}
