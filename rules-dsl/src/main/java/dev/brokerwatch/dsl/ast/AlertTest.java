package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code test "name" { series ... expect ... }}: compiled into a promtool unit test of its alert. */
public record AlertTest(Span span, StringLit name, DurationRef interval, List<TestSeries> series,
                        List<Expectation> expectations) implements Node {
    public AlertTest {
        series = List.copyOf(series);
        expectations = List.copyOf(expectations);
    }
}
