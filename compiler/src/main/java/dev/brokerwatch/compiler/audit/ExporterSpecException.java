package dev.brokerwatch.compiler.audit;

/** An {@code --exporter} or {@code --external} value that names no usable model: a usage error, one line. */
public final class ExporterSpecException extends Exception {
    public ExporterSpecException(String message) {
        super(message);
    }
}
