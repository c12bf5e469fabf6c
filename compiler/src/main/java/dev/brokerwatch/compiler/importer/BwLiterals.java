package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.dsl.parse.StringLiterals;
import java.util.regex.Pattern;

/**
 * How a value read from YAML is spelt in a {@code .bw} file so that the parser gives back exactly that value:
 * strings (checked against the language's own string decoder), names and durations.
 */
final class BwLiterals {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_:]*");
    private static final Pattern DASHED_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z_][a-zA-Z0-9_]*)*");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]+");
    /** {@code ${name}} is a parameter in alert text; {@code $${name}} writes it literally (see Interpolation). */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    private BwLiterals() {
    }

    /** A name the grammar reads as an identifier (alert, recording rule, label key, severity). */
    static boolean isIdentifier(String text) {
        return IDENTIFIER.matcher(text).matches();
    }

    /** A Prometheus duration the grammar reads as one DURATION token. */
    static boolean isDuration(String text) {
        return DURATION.matcher(text).matches();
    }

    static boolean isWholeNumber(String text) {
        return WHOLE_NUMBER.matcher(text).matches();
    }

    /** A group name: bare when the grammar reads it back as written ({@code kafka-broker}), else a string. */
    static String groupName(String name) {
        return DASHED_NAME.matcher(name).matches() ? name : string(name, "");
    }

    /** Alert label and annotation text: a literal {@code ${name}} is written {@code $${name}}, which compiles back to it. */
    static String alertText(String value, String indent) {
        return string(INTERPOLATION.matcher(value).replaceAll("\\$\\$\\{$1}"), indent);
    }

    /**
     * A string literal whose value is exactly {@code value}: multi-line text as a triple-quoted block indented by
     * {@code indent} where that reads back unchanged, otherwise a double-quoted string with escapes.
     */
    static String string(String value, String indent) {
        if (value.indexOf('\n') >= 0 && !value.contains("\"\"\"")) {
            StringBuilder block = new StringBuilder("\"\"\"\n");
            for (String line : value.split("\n", -1)) {
                block.append(line.isEmpty() ? "" : indent + "  " + line).append('\n');
            }
            block.append(indent).append("  \"\"\"");
            String token = block.toString();
            if (decodes(token, value)) {
                return token;
            }
        }
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        String token = out.append('"').toString();
        if (!decodes(token, value)) {
            throw new IllegalStateException("the string literal " + token + " does not read back as the value it was written for");
        }
        return token;
    }

    private static boolean decodes(String token, String value) {
        try {
            return StringLiterals.value(token).equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
