package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code severities critical, warning, info}: the only values an alert's severity may take. */
public record SeveritiesDecl(Span span, List<Ident> names) implements Statement {
    public SeveritiesDecl {
        names = List.copyOf(names);
    }
}
