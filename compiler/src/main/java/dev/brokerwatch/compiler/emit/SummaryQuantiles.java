package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.catalog.JmxBinding;
import java.util.Comparator;
import java.util.List;

/**
 * A summary binding's quantiles in ascending order. The catalog keeps them in a map without a defined
 * order, so emitters sort them rather than depend on it.
 */
record SummaryQuantiles(double quantile, String attribute) {

    static List<SummaryQuantiles> of(JmxBinding binding) {
        return binding.quantiles().entrySet().stream()
                .map(e -> new SummaryQuantiles(Double.parseDouble(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingDouble(SummaryQuantiles::quantile).thenComparing(SummaryQuantiles::attribute))
                .toList();
    }

    /** The quantile label value the agent's client library writes ({@code 0.5}, {@code 0.999}). */
    String label() {
        return Double.toString(quantile);
    }
}
