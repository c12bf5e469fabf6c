package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** A function call; the name is resolved against {@code PromQlFunctions}. */
public record Call(Span span, Ident function, List<Expr> args) implements Expr {
    public Call {
        args = List.copyOf(args);
    }
}
