package dev.brokerwatch.dsl.semantics;

import static dev.brokerwatch.dsl.semantics.ValueType.INSTANT_VECTOR;
import static dev.brokerwatch.dsl.semantics.ValueType.RANGE_VECTOR;
import static dev.brokerwatch.dsl.semantics.ValueType.SCALAR;
import static dev.brokerwatch.dsl.semantics.ValueType.STRING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PromQL functions and aggregation operators that Prometheus 2.x evaluates, with their argument
 * and return types. Type checking reads this table; no function name is special-cased elsewhere,
 * except through the {@link Function#counterOnly()} and {@link Function#gaugeOnly()} flags that the
 * rate/deriv checks use.
 */
public final class PromQlFunctions {

    /**
     * A function signature. {@code minArgs} of {@code argTypes} are required; when {@code variadic}, the
     * last type may repeat without limit. {@code keepsMetricName} says whether the result keeps
     * {@code __name__}. {@code counterOnly}: the first argument must be a counter (rate, increase...);
     * {@code gaugeOnly}: it must not be one (deriv, delta...).
     */
    public record Function(String name, List<ValueType> argTypes, int minArgs, boolean variadic, ValueType returnType,
                           boolean counterOnly, boolean gaugeOnly) {
        public int maxArgs() {
            return variadic ? Integer.MAX_VALUE : argTypes.size();
        }

        public ValueType argType(int index) {
            return index < argTypes.size() ? argTypes.get(index) : argTypes.get(argTypes.size() - 1);
        }
    }

    private static final Map<String, Function> FUNCTIONS = new TreeMap<>();
    private static final Set<String> AGGREGATIONS = new TreeSet<>(Set.of(
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile"));
    private static final Set<String> PARAMETERISED_AGGREGATIONS = Set.of("count_values", "bottomk", "topk", "quantile");
    /** Functions whose result keeps the input's labels but not its metric name; all others listed keep the name. */
    private static final Set<String> LABEL_CHANGING = Set.of("label_replace", "label_join");

    static {
        for (String name : List.of("rate", "irate", "increase", "resets")) {
            add(name, List.of(RANGE_VECTOR), 1, false, INSTANT_VECTOR, true, false);
        }
        for (String name : List.of("deriv", "delta", "idelta")) {
            add(name, List.of(RANGE_VECTOR), 1, false, INSTANT_VECTOR, false, true);
        }
        add("predict_linear", List.of(RANGE_VECTOR, SCALAR), 2, false, INSTANT_VECTOR, false, true);
        add("holt_winters", List.of(RANGE_VECTOR, SCALAR, SCALAR), 3, false, INSTANT_VECTOR, false, true);
        for (String name : List.of("avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
                "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time", "changes", "absent_over_time")) {
            add(name, List.of(RANGE_VECTOR), 1, false, INSTANT_VECTOR, false, false);
        }
        add("quantile_over_time", List.of(SCALAR, RANGE_VECTOR), 2, false, INSTANT_VECTOR, false, false);
        for (String name : List.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "acos", "acosh",
                "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad",
                "timestamp", "absent")) {
            add(name, List.of(INSTANT_VECTOR), 1, false, INSTANT_VECTOR, false, false);
        }
        add("round", List.of(INSTANT_VECTOR, SCALAR), 1, false, INSTANT_VECTOR, false, false);
        add("clamp", List.of(INSTANT_VECTOR, SCALAR, SCALAR), 3, false, INSTANT_VECTOR, false, false);
        add("clamp_min", List.of(INSTANT_VECTOR, SCALAR), 2, false, INSTANT_VECTOR, false, false);
        add("clamp_max", List.of(INSTANT_VECTOR, SCALAR), 2, false, INSTANT_VECTOR, false, false);
        add("histogram_quantile", List.of(SCALAR, INSTANT_VECTOR), 2, false, INSTANT_VECTOR, false, false);
        add("label_replace", List.of(INSTANT_VECTOR, STRING, STRING, STRING, STRING), 5, false, INSTANT_VECTOR, false, false);
        add("label_join", List.of(INSTANT_VECTOR, STRING, STRING, STRING), 3, true, INSTANT_VECTOR, false, false);
        add("sort", List.of(INSTANT_VECTOR), 1, false, INSTANT_VECTOR, false, false);
        add("sort_desc", List.of(INSTANT_VECTOR), 1, false, INSTANT_VECTOR, false, false);
        add("scalar", List.of(INSTANT_VECTOR), 1, false, SCALAR, false, false);
        add("vector", List.of(SCALAR), 1, false, INSTANT_VECTOR, false, false);
        add("time", List.of(), 0, false, SCALAR, false, false);
        add("pi", List.of(), 0, false, SCALAR, false, false);
        for (String name : List.of("minute", "hour", "day_of_week", "day_of_month", "day_of_year", "days_in_month", "month", "year")) {
            add(name, List.of(INSTANT_VECTOR), 0, false, INSTANT_VECTOR, false, false);
        }
    }

    private PromQlFunctions() {
    }

    private static void add(String name, List<ValueType> args, int min, boolean variadic, ValueType ret,
                            boolean counterOnly, boolean gaugeOnly) {
        FUNCTIONS.put(name, new Function(name, args, min, variadic, ret, counterOnly, gaugeOnly));
    }

    public static Optional<Function> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    public static Set<String> functionNames() {
        return FUNCTIONS.keySet();
    }

    public static boolean isAggregation(String name) {
        return AGGREGATIONS.contains(name);
    }

    public static Set<String> aggregationNames() {
        return AGGREGATIONS;
    }

    public static boolean aggregationTakesParameter(String name) {
        return PARAMETERISED_AGGREGATIONS.contains(name);
    }

    public static boolean changesLabels(String name) {
        return LABEL_CHANGING.contains(name);
    }
}
