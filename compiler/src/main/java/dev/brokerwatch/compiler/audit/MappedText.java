package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.Arrays;
import java.util.Objects;

/**
 * A text read out of a file (a YAML scalar's value, a JSON string's value, a query after Grafana's variables
 * were replaced) together with, for each of its characters, the offset in the file where that character was
 * written; one more entry for the end. Quotes, escapes, indentation and folding make the two differ, and this
 * is what lets a problem found in the text be shown at its place in the file.
 */
public record MappedText(String text, SourceFile file, int[] offsets) {

    public MappedText {
        Objects.requireNonNull(text);
        Objects.requireNonNull(file);
        if (offsets.length != text.length() + 1) {
            throw new IllegalArgumentException("need one offset per character plus the end");
        }
    }

    /** A text written verbatim in {@code file} from {@code start}. */
    public static MappedText verbatim(SourceFile file, int start, String text) {
        int[] offsets = new int[text.length() + 1];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = start + i;
        }
        return new MappedText(text, file, offsets);
    }

    /** A text whose characters cannot be traced one by one: every one points at the whole written value. */
    public static MappedText coarse(SourceFile file, int start, int end, String text) {
        int[] offsets = new int[text.length() + 1];
        Arrays.fill(offsets, start);
        offsets[text.length()] = Math.max(start, end);
        return new MappedText(text, file, offsets);
    }

    /** The file offset of the text's character {@code index} (the end for {@code index == length}). */
    public int offsetOf(int index) {
        return offsets[Math.max(0, Math.min(index, offsets.length - 1))];
    }

    /** The file span of the text's characters {@code from} (inclusive) to {@code to} (exclusive). */
    public Span span(int from, int to) {
        int start = offsetOf(from);
        int end = to > from ? offsetOf(to - 1) + 1 : start;
        // a character written as an escape spans up to where the next one starts
        if (to > from && to < offsets.length && offsets[to] > end) {
            end = offsets[to];
        }
        return new Span(file, start, Math.max(start, end));
    }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive) of this text, still traced to the file. */
    public MappedText sub(int from, int to) {
        return new MappedText(text.substring(from, to), file, Arrays.copyOfRange(offsets, from, to + 1));
    }

    /** The whole text's span in the file. */
    public Span span() {
        return span(0, text.length());
    }

    /**
     * {@code inner} was read out of this text (a JSON document inside a YAML scalar): the same characters,
     * traced through both layers to this file.
     */
    public MappedText compose(MappedText inner) {
        int[] offsets = new int[inner.offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = offsetOf(inner.offsets[i]);
        }
        return new MappedText(inner.text, file, offsets);
    }

    /** This text as the file of a further reader (JSON inside a YAML scalar): offsets are this text's indices. */
    public SourceFile asSource() {
        return SourceFile.ofString(file.displayPath(), text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappedText m && m.text.equals(text) && m.file == file && Arrays.equals(m.offsets, offsets);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return file.displayPath() + "@" + offsetOf(0) + ": " + text;
    }
}
