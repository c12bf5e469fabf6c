package dev.brokerwatch.compiler.importer;

/** A {@code .bw} file {@code import} writes: its name (relative to the output folder) and text. */
public record ImportedFile(String name, String text) {
}
