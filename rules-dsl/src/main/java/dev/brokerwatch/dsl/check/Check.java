package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;

/**
 * One static check: a stable code ({@code area/topic}, documented in {@code docs/checks/<code>.md}), a
 * one-line description, and a run over the resolved pack that returns every problem found. A check
 * never prints.
 */
public interface Check {
    String code();

    String description();

    List<Diagnostic> run(CheckContext context);
}
