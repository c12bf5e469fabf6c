package dev.brokerwatch.dsl.semantics.gotemplate;

import java.math.BigInteger;

/**
 * The literal rules Go's template parser applies through strconv: quoted strings and character constants
 * ({@code strconv.Unquote}, {@code UnquoteChar}) and numbers ({@code ParseUint}, {@code ParseInt} and
 * {@code ParseFloat} with base prefixes and underscores). Each check returns null when Go accepts the
 * literal, or Go's complaint.
 */
final class GoLiterals {
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

    private GoLiterals() {
    }

    /**
     * Where strconv.Unquote fails on this interpreted string literal (Go then says "invalid syntax"): the
     * index of the escape it cannot read, or -1 when the literal is valid. Raw strings are always valid.
     */
    static int badEscapeAt(String literal) {
        if (literal.charAt(0) == '`') {
            return -1;
        }
        int end = literal.length() - 1;
        for (int i = 1; i < end; ) {
            int next = unquoteChar(literal, i, end, '"');
            if (next < 0) {
                return i;
            }
            i = next;
        }
        return -1;
    }

    /** The value a string literal stands for; call only after {@link #badEscapeAt} found nothing. */
    static String stringValue(String literal) {
        if (literal.charAt(0) == '`') {
            return literal.substring(1, literal.length() - 1).replace("\r", "");
        }
        StringBuilder out = new StringBuilder();
        int end = literal.length() - 1;
        for (int i = 1; i < end; ) {
            int next = unquoteChar(literal, i, end, '"');
            out.append(decodeOne(literal.substring(i, next)));
            i = next;
        }
        return out.toString();
    }

    /** Why Go rejects this character constant ({@code 'x'}, {@code '\n'}, {@code '\u00e9'}), or null. */
    static String charProblem(String literal) {
        int next = unquoteChar(literal, 1, literal.length(), '\'');
        if (next < 0) {
            return "invalid syntax";
        }
        if (next != literal.length() - 1) {
            return "malformed character constant: " + literal;
        }
        return null;
    }

    /**
     * One character or escape of a quoted literal starting at {@code i}, as strconv.UnquoteChar reads it:
     * the index after it, or -1 when it is not valid.
     */
    private static int unquoteChar(String s, int i, int end, char quote) {
        if (i >= end) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == quote) {
            return -1;
        }
        if (c != '\\') {
            return i + Character.charCount(s.codePointAt(i));
        }
        if (i + 1 >= end) {
            return -1;
        }
        char e = s.charAt(i + 1);
        int j = i + 2;
        switch (e) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
                return j;
            case '\'', '"':
                return e == quote ? j : -1;
            case 'x', 'u', 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (j + n > end) {
                    return -1;
                }
                long v = 0;
                for (int k = j; k < j + n; k++) {
                    int d = asciiDigit(s.charAt(k), 16);
                    if (d < 0) {
                        return -1;
                    }
                    v = v * 16 + d;
                }
                if (e != 'x' && (v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF)) {
                    return -1;
                }
                return j + n;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7': {
                if (j + 2 > end) {
                    return -1;
                }
                int v = e - '0';
                for (int k = j; k < j + 2; k++) {
                    char d = s.charAt(k);
                    if (d < '0' || d > '7') {
                        return -1;
                    }
                    v = v * 8 + d - '0';
                }
                return v > 255 ? -1 : j + 2;
            }
            default:
                return -1;
        }
    }

    private static String decodeOne(String piece) {
        if (!piece.startsWith("\\")) {
            return piece;
        }
        char e = piece.charAt(1);
        return switch (e) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            case 'x' -> String.valueOf((char) Integer.parseInt(piece.substring(2), 16));
            case 'u', 'U' -> new String(Character.toChars(Integer.parseInt(piece.substring(2), 16)));
            case '0', '1', '2', '3', '4', '5', '6', '7' -> String.valueOf((char) Integer.parseInt(piece.substring(1), 8));
            default -> String.valueOf(e);
        };
    }

    /**
     * Why Go's template parser rejects a number token, or null. Like Go: an imaginary number is a float with
     * {@code i}; otherwise an unsigned or signed 64-bit integer (base prefixes, a leading 0 meaning octal),
     * otherwise a float; a float that looks like an integer means the integer overflowed.
     */
    static String numberProblem(String text) {
        if (text.endsWith("i") && parseFloat(text.substring(0, text.length() - 1))) {
            return null;
        }
        if (parseInteger(text, false) || parseInteger(text, true)) {
            return null;
        }
        if (parseFloat(text)) {
            return text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0) ? null : "integer overflow: " + GoQuote.quote(text);
        }
        return "illegal number syntax: " + GoQuote.quote(text);
    }

    /** A complex constant such as {@code 1+2i}: a float, a signed float and {@code i}, as fmt.Sscan reads it. */
    static String complexProblem(String text) {
        int split = -1;
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            char before = Character.toLowerCase(text.charAt(i - 1));
            if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
                split = i;
                break;
            }
        }
        if (split < 0 || !parseFloat(text.substring(0, split)) || !parseFloat(text.substring(split, text.length() - 1))) {
            return "syntax error scanning complex number";
        }
        return null;
    }

    /** strconv.ParseUint / ParseInt with base 0, bit size 64. */
    static boolean parseInteger(String text, boolean signed) {
        String s = text;
        boolean negative = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return false;
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                digits = s.substring(2);
            } else {
                base = 8;
                digits = s.substring(1);
            }
        }
        boolean underscores = false;
        BigInteger value = BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = asciiDigit(c, base);
            if (d < 0) {
                return false;
            }
            value = value.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
        }
        if (underscores && !underscoreOk(text)) {
            return false;
        }
        if (!signed) {
            return value.compareTo(MAX_UINT64) <= 0;
        }
        value = negative ? value.negate() : value;
        return value.compareTo(MIN_INT64) >= 0 && value.compareTo(MAX_INT64) <= 0;
    }

    /** strconv.ParseFloat(s, 64): decimal or hexadecimal (with a p exponent) syntax, in range. */
    static boolean parseFloat(String text) {
        String s = text;
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = s.length() >= i + 2 && s.charAt(i) == '0' && Character.toLowerCase(s.charAt(i + 1)) == 'x';
        if (hex) {
            i += 2;
        }
        boolean sawDigits = false;
        boolean sawDot = false;
        boolean underscores = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    return false;
                }
                sawDot = true;
            } else if (c >= '0' && c <= '9' || hex && "abcdefABCDEF".indexOf(c) >= 0) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return false;
        }
        char exp = hex ? 'p' : 'e';
        if (i < s.length() && Character.toLowerCase(s.charAt(i)) == exp) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
            while (i < s.length() && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '_')) {
                underscores |= s.charAt(i) == '_';
                i++;
            }
        } else if (hex) {
            return false;
        }
        if (i != s.length() || underscores && !underscoreOk(s)) {
            return false;
        }
        double value = Double.parseDouble(s.replace("_", ""));
        return !Double.isInfinite(value);
    }

    /** Go's rule for {@code _} in numbers: only between digits, or right after a base prefix. */
    static boolean underscoreOk(String text) {
        String s = text;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            s = s.substring(1);
        }
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** The value of an ASCII digit in the base, or -1 (Go's digits are ASCII only). */
    private static int asciiDigit(char c, int base) {
        return c < 128 ? Character.digit(c, base) : -1;
    }
}
