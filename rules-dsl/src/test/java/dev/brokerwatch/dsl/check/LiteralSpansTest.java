package dev.brokerwatch.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import org.junit.jupiter.api.Test;

/** A part of a string literal's value is traced back to its source text, escapes included. */
class LiteralSpansTest {

    @Test
    void anEscapedBackslashCoversBothSourceCharacters() {
        StringLit literal = literal("x=~\"a\\\\h\"", "a\\h");
        assertThat(LiteralSpans.spanOf(literal, 1, 3).text()).as("the value \\h is written \\\\h").isEqualTo("\\\\h");
    }

    @Test
    void aBacktickStringIsItsValue() {
        StringLit literal = literal("x=~`a\\h`", "a\\h");
        assertThat(LiteralSpans.spanOf(literal, 1, 3).text()).isEqualTo("\\h");
    }

    @Test
    void aUnicodeEscapeIsOneCharacterOfTheValue() {
        StringLit literal = literal("x=~\"\\u00e9\\\\h\"", "é\\h");
        assertThat(LiteralSpans.spanOf(literal, 1, 3).text()).isEqualTo("\\\\h");
    }

    @Test
    void aValueThatIsNotTheSourceTextFallsBackToTheWholeLiteral() {
        StringLit literal = literal("x=~\"${topic}\\\\h\"", "orders\\h");
        assertThat(LiteralSpans.spanOf(literal, 6, 8)).as("a parameter replaced part of the value").isEqualTo(literal.span());
    }

    @Test
    void aTripleQuotedTextFallsBackToTheWholeLiteral() {
        StringLit literal = literal("x=~\"\"\"\n  a\\h\n\"\"\"", "a\\h");
        assertThat(LiteralSpans.spanOf(literal, 1, 3)).isEqualTo(literal.span());
    }

    /** The literal is everything after the first three characters of {@code source}. */
    private static StringLit literal(String source, String value) {
        SourceFile file = SourceFile.ofString("t.bw", source);
        return new StringLit(new Span(file, 3, source.length()), value);
    }
}
