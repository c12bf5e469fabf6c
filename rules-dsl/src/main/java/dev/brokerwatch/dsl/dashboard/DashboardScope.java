package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.LabelListLit;
import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamLiteral;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code $name} means inside a dashboard, in this order: a template argument of the panel being
 * expanded, a variable of the dashboard, one of Grafana's built-ins, a pack parameter.
 */
public record DashboardScope(Map<String, ParamLiteral> args, Set<String> variables, Params params) {

    public enum Kind { ARGUMENT, VARIABLE, BUILTIN, PARAM, UNKNOWN }

    public DashboardScope {
        args = Map.copyOf(args);
        variables = Set.copyOf(variables);
    }

    public DashboardScope withArgs(Map<String, ParamLiteral> newArgs) {
        return new DashboardScope(newArgs, variables, params);
    }

    public Kind kindOf(String name) {
        if (args.containsKey(name)) {
            return Kind.ARGUMENT;
        }
        if (variables.contains(name)) {
            return Kind.VARIABLE;
        }
        if (GrafanaBuiltins.isBuiltin(name)) {
            return Kind.BUILTIN;
        }
        return params.value(name).isPresent() ? Kind.PARAM : Kind.UNKNOWN;
    }

    /** The plain text a name stands for in titles, legends and links; null when Grafana resolves it. */
    public String textOf(String name) {
        return switch (kindOf(name)) {
            case ARGUMENT -> literalText(args.get(name));
            case PARAM -> {
                ParamValue v = params.value(name).orElseThrow();
                yield v instanceof ParamValue.StringValue s ? s.value() : v.promql();
            }
            default -> null;
        };
    }

    /** Text with arguments and parameters replaced, Grafana variables kept. */
    public String interpolate(String text) {
        return VariableRefs.replace(text, this::textOf);
    }

    static String literalText(ParamLiteral literal) {
        if (literal instanceof StringLit s) {
            return s.value();
        }
        if (literal instanceof NumberLit n) {
            return n.text();
        }
        if (literal instanceof DurationLit d) {
            return d.text();
        }
        return ((LabelListLit) literal).labels().stream().map(LabelName::text).collect(Collectors.joining(", "));
    }
}
