package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code metric{matchers}}; the name may be absent ({@code {__name__=~"..."}}). */
public record VectorSelector(Span span, Ident name, List<LabelMatcher> matchers, Modifiers modifiers) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    /** The metric name, from the name or an equality matcher on {@code __name__}. */
    public Optional<String> metricName() {
        if (name != null) {
            return Optional.of(name.text());
        }
        return matchers.stream()
                .filter(m -> m.label().text().equals("__name__") && m.op() == LabelMatcher.MatchOp.EQ
                        && m.value() instanceof dev.brokerwatch.dsl.ast.StringLit)
                .map(m -> ((dev.brokerwatch.dsl.ast.StringLit) m.value()).value())
                .findFirst();
    }
}
