package dev.brokerwatch.dsl.diag;

import dev.brokerwatch.dsl.source.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A problem found in the sources, as plain data: a registered code ({@link CheckCode}, see {@code docs/checks/}), a severity,
 * the exact span it is about, a one-line message, an optional hint saying how to fix it, and related
 * places (for example the first of two duplicate definitions).
 */
public record Diagnostic(CheckCode check, Severity severity, Span span, String message, String hint, List<Related> related) {

    /** A secondary place that explains the problem. */
    public record Related(Span span, String message) {
        public Related {
            Objects.requireNonNull(span);
            Objects.requireNonNull(message);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        related = List.copyOf(related);
    }

    public static Diagnostic of(CheckCode check, Severity severity, Span span, String message, String hint) {
        return new Diagnostic(check, severity, span, message, hint, List.of());
    }

    public Diagnostic withRelated(Span span, String message) {
        var all = new java.util.ArrayList<>(related);
        all.add(new Related(span, message));
        return new Diagnostic(check, severity, this.span, this.message, hint, all);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(check, newSeverity, span, message, hint, related);
    }

    /** The code as printed, {@code area/topic}. */
    public String code() {
        return check.code();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** File, then position, then code: the one order every reporter prints in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().file().displayPath())
            .thenComparingInt(d -> d.span().start())
            .thenComparingInt(d -> d.span().end())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);
}
