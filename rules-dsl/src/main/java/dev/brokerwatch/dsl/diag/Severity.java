package dev.brokerwatch.dsl.diag;

/** How bad a problem is. Errors fail {@code check} and {@code compile}; warnings do only under {@code --strict}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
