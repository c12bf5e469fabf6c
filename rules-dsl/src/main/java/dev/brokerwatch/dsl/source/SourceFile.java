package dev.brokerwatch.dsl.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** One source text and the index of its line starts, so that offsets become line:column only when printed. */
public final class SourceFile {
    private final String displayPath;
    private final Path path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String displayPath, Path path, String text) {
        this.displayPath = Objects.requireNonNull(displayPath);
        this.path = path;
        this.text = Objects.requireNonNull(text);
        this.lineStarts = indexLines(text);
    }

    public static SourceFile ofString(String displayPath, String text) {
        return new SourceFile(displayPath, null, text);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The path as the user gave it; used in every message. */
    public String displayPath() {
        return displayPath;
    }

    /** The file on disk, or null for text that did not come from a file. */
    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** 1-based line of a 0-based offset. */
    public int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** 1-based column (in characters) of a 0-based offset. */
    public int columnOf(int offset) {
        int line = lineOf(offset);
        return Math.max(0, Math.min(offset, text.length())) - lineStarts[line - 1] + 1;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line terminator. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
