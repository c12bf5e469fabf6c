package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;

/**
 * One static check: a run over the resolved pack that returns every problem found. The codes it raises,
 * their severities and summaries are registered in {@link dev.brokerwatch.dsl.diag.CheckCode}. A check
 * never prints.
 */
public interface Check {
    List<Diagnostic> run(CheckContext context);
}
