package dev.brokerwatch.dsl.source;

import java.util.Objects;

/**
 * A range of characters in one source file: 0-based start (inclusive) and end (exclusive) offsets.
 * Line and column are computed only when a message is printed.
 */
public record Span(SourceFile file, int start, int end) {

    public Span {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int line() {
        return file.lineOf(start);
    }

    public int column() {
        return file.columnOf(start);
    }

    public String text() {
        return file.text().substring(start, Math.min(end, file.text().length()));
    }

    /** {@code path:line:col}, the form editors and CI annotations understand. */
    public String location() {
        return file.displayPath() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() {
        return location();
    }
}
