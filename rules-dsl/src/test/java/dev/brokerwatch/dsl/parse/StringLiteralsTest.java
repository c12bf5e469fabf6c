package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Value offsets of a string literal map back to the token text, through escapes and triple-quote dedenting. */
class StringLiteralsTest {

    @Test
    void aPlainStringMapsPastItsOpeningQuote() {
        assertThat(StringLiterals.sourceOffsets("\"ab\"")).as("a at 1, b at 2, end at the closing quote").containsExactly(1, 2, 3);
    }

    @Test
    void anEscapeIsOneValueCharacterFromItsBackslash() {
        String token = "\"a\\\"b\\u00e9c\"";
        assertThat(StringLiterals.value(token)).isEqualTo("a\"b\u00e9c");
        assertThat(StringLiterals.sourceOffsets(token)).as("\\\" at 2, b at 4, \\u00e9 at 5, c at 11").containsExactly(1, 2, 4, 5, 11, 12);
    }

    @Test
    void aBacktickStringHasNoEscapes() {
        assertThat(StringLiterals.sourceOffsets("`a\\q`")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void tripleQuotedTextMapsEachLineAfterItsIndentation() {
        String token = "\"\"\"\n    ab\n      c\n    \"\"\"";
        assertThat(StringLiterals.value(token)).isEqualTo("ab\n  c");
        // a at 8, b at 9, the line break at 10, the two kept spaces at 15 and 16, c at 17, end at the line break 18
        assertThat(StringLiterals.sourceOffsets(token)).containsExactly(8, 9, 10, 15, 16, 17, 18);
    }

    @Test
    void tripleQuotedValueIsUnchangedByTheMapping() {
        String token = "\"\"\"\r\n  x\r\n\r\n  y\r\n  \"\"\"";
        assertThat(StringLiterals.value(token)).isEqualTo(StringLiterals.dedent(token.substring(3, token.length() - 3)));
        int[] offsets = StringLiterals.sourceOffsets(token);
        assertThat(token.charAt(offsets[0])).isEqualTo('x');
        assertThat(token.charAt(offsets[3])).isEqualTo('y');
    }
}
