package dev.brokerwatch.compiler.audit;

/** {@code --kafka}, {@code --role} or {@code --jmx-inventory} that cannot be used, alone or together: a usage error, one line. */
public final class InvalidTargetException extends Exception {
    public InvalidTargetException(String message) {
        super(message);
    }
}
