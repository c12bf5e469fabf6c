package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.UnaryOp;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.KafkaAttribute;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.PromQlFunctions;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/** What the Kafka checks ask about an expression: its selectors and their metrics, the MBean attributes behind them, numbers. */
final class SeriesSources {
    private SeriesSources() {
    }

    /** A selector whose metric the catalog knows. */
    record Selected(VectorSelector selector, CatalogMetric metric, String seriesName) {
    }

    /** Every selector of {@code expr} with a catalog metric, in source order. */
    static List<Selected> selected(Expr expr, Catalog catalog) {
        List<Selected> out = new ArrayList<>();
        PromQlWalker.forEach(expr, node -> {
            if (node instanceof VectorSelector v) {
                v.metricName().flatMap(catalog::series).ifPresent(s -> out.add(new Selected(v, s.metric(), s.name())));
            }
        });
        return out;
    }

    /** True when {@code expr} has a selector the catalog does not know (its checks stay silent on it). */
    static boolean hasUnknownSelector(Expr expr, Catalog catalog) {
        boolean[] unknown = {false};
        PromQlWalker.forEach(expr, node -> {
            if (node instanceof VectorSelector v && v.metricName().flatMap(catalog::series).isEmpty()) {
                unknown[0] = true;
            }
        });
        return unknown[0];
    }

    /** The bindings of a metric whose attribute is of a judged kind, with that kind. */
    record Judged(JmxBinding binding, KafkaAttribute kind) {
    }

    static List<Judged> judged(CatalogMetric metric) {
        List<Judged> out = new ArrayList<>();
        for (JmxBinding b : metric.jmx()) {
            KafkaAttribute.of(b).ifPresent(k -> out.add(new Judged(b, k)));
        }
        return out;
    }

    /**
     * "OneMinuteRate of kafka.server:type=ReplicaManager,name=IsrShrinksPerSec"; MBeans that differ only in some keys'
     * values are written once with those values as {@code *} and their number.
     */
    static String describe(List<JmxBinding> bindings) {
        Set<String> attributes = bindings.stream().map(JmxBinding::attribute).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> names = bindings.stream().map(JmxBinding::objectName).collect(Collectors.toCollection(LinkedHashSet::new));
        String objects = names.size() == 1 ? names.iterator().next() : merged(List.copyOf(names));
        return String.join(" and ", attributes) + " of " + objects;
    }

    /** {@code d:type=T,name=N,request=*} (93 MBeans) when the names share their keys; else the first and a count. */
    private static String merged(List<String> names) {
        String[] first = names.get(0).split("[:,]");
        boolean[] differs = new boolean[first.length];
        for (String name : names) {
            String[] parts = name.split("[:,]");
            if (parts.length != first.length) {
                return names.get(0) + " (and " + (names.size() - 1) + " more MBeans)";
            }
            for (int i = 0; i < parts.length; i++) {
                String key = parts[i].contains("=") ? parts[i].substring(0, parts[i].indexOf('=')) : parts[i];
                String firstKey = first[i].contains("=") ? first[i].substring(0, first[i].indexOf('=')) : first[i];
                if (!key.equals(firstKey) || (i == 0 && !parts[i].equals(first[i]))) {
                    return names.get(0) + " (and " + (names.size() - 1) + " more MBeans)";
                }
                differs[i] |= !parts[i].equals(first[i]);
            }
        }
        StringBuilder out = new StringBuilder(first[0]).append(':');
        for (int i = 1; i < first.length; i++) {
            out.append(i > 1 ? "," : "");
            out.append(differs[i] ? first[i].substring(0, first[i].indexOf('=') + 1) + "*" : first[i]);
        }
        return out.append(" (").append(names.size()).append(" MBeans)").toString();
    }

    /** The value of a number literal, a negated one, or a number parameter. */
    static OptionalDouble number(Expr expr, Params params) {
        Expr e = PromQlWalker.unwrap(expr);
        if (e instanceof NumberLit n) {
            return OptionalDouble.of(n.value());
        }
        if (e instanceof UnaryOp u && u.op().equals("-")) {
            OptionalDouble inner = number(u.operand(), params);
            return inner.isPresent() ? OptionalDouble.of(-inner.getAsDouble()) : inner;
        }
        if (e instanceof ParamRef p && params != null) {
            Optional<ParamValue> v = params.value(p.name());
            if (v.isPresent() && v.get() instanceof ParamValue.NumberValue n) {
                return OptionalDouble.of(n.value());
            }
        }
        return OptionalDouble.empty();
    }

    /** True when {@code call} is rate(), irate(), increase() or resets(): functions that need a counter. */
    static boolean counterOnly(Call call) {
        return PromQlFunctions.function(call.function().text()).map(PromQlFunctions.Function::counterOnly).orElse(false);
    }
}
