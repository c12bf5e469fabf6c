package dev.brokerwatch.dsl.parse;

import dev.brokerwatch.dsl.source.SourceFile;
import java.nio.CharBuffer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;

/**
 * The text of a source file as the lexer reads it, indexed by UTF-16 unit as Java strings and {@code Span}s are.
 * ANTLR's {@code CharStreams.fromString} indexes by code point, so after a character outside the Basic
 * Multilingual Plane (an emoji in an annotation) every token offset would point one character too early and an
 * expression's source text would be cut short. A surrogate pair is two units here; the grammar reads text with
 * such characters only inside strings and comments, where any unit is allowed.
 */
public final class SourceCharStream {
    private SourceCharStream() {
    }

    public static CharStream of(SourceFile source) {
        return CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(source.text().toCharArray())), source.displayPath());
    }
}
