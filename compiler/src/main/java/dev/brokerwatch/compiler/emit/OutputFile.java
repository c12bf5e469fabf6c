package dev.brokerwatch.compiler.emit;

import java.util.Objects;

/** One emitted file: a path relative to the output directory (forward slashes) and its full text. */
public record OutputFile(String path, String content) {
    public OutputFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(content);
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("output paths are relative and use /: " + path);
        }
    }
}
