package dev.brokerwatch.dsl.semantics;

import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.ParenExpr;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.UnaryOp;
import dev.brokerwatch.dsl.ast.promql.VectorMatching;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.catalog.Series;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out, bottom-up, the value type and the result labels of every node of a PromQL expression,
 * following Prometheus's evaluation rules: aggregations keep only their {@code by} labels or drop their
 * {@code without} labels; one-to-one vector matching keeps the {@code on} labels or drops the
 * {@code ignoring} ones; {@code group_left}/{@code group_right} keep the "many" side's labels plus the
 * included ones; {@code or} unions; {@code and}/{@code unless} keep the left side. Type errors (a
 * function given the wrong kind of argument, an unknown function) are reported here, as Prometheus's
 * parser reports them.
 */
public final class Analyzer {
    public static final CheckCode FUNCTION_CODE = CheckCode.PROMQL_FUNCTION;
    public static final CheckCode TYPE_CODE = CheckCode.PROMQL_TYPE;

    private final Catalog catalog;
    private final Params params;
    private final List<Diagnostic> diagnostics;
    private final Analysis analysis = new Analysis();

    private Analyzer(Catalog catalog, Params params, List<Diagnostic> diagnostics) {
        this.catalog = catalog;
        this.params = params;
        this.diagnostics = diagnostics;
    }

    /** Analyses {@code expr}; type problems are added to {@code diagnostics}. */
    public static Analysis analyze(Expr expr, Catalog catalog, Params params, List<Diagnostic> diagnostics) {
        Analyzer analyzer = new Analyzer(catalog, params, diagnostics);
        analyzer.visit(expr);
        return analyzer.analysis;
    }

    /** The label names a label list stands for, with label-list parameters expanded. */
    public static List<String> labelNames(List<LabelRef> refs, Params params) {
        List<String> out = new ArrayList<>();
        for (LabelRef ref : refs) {
            if (ref instanceof LabelName n) {
                out.add(n.text());
            } else if (ref instanceof ParamRef p) {
                params.value(p.name()).filter(v -> v instanceof ParamValue.LabelsValue)
                        .ifPresent(v -> out.addAll(((ParamValue.LabelsValue) v).labels()));
            }
        }
        return out;
    }

    private ExprInfo visit(Expr expr) {
        ExprInfo info = compute(expr);
        analysis.put(expr, info);
        return info;
    }

    private ExprInfo compute(Expr expr) {
        if (expr instanceof NumberLit) {
            return new ExprInfo(ValueType.SCALAR, LabelFlow.NONE, false);
        }
        if (expr instanceof StringLit) {
            return new ExprInfo(ValueType.STRING, LabelFlow.NONE, false);
        }
        if (expr instanceof ParamRef p) {
            Optional<ParamValue> value = params.value(p.name());
            if (value.isPresent() && value.get() instanceof ParamValue.StringValue) {
                return new ExprInfo(ValueType.STRING, LabelFlow.NONE, false);
            }
            return new ExprInfo(ValueType.SCALAR, LabelFlow.NONE, false);
        }
        if (expr instanceof ParenExpr p) {
            return visit(p.inner());
        }
        if (expr instanceof UnaryOp u) {
            ExprInfo inner = visit(u.operand());
            requireOperand(inner, u.operand(), u.op());
            return new ExprInfo(inner.type(), inner.labels(), false);
        }
        if (expr instanceof VectorSelector v) {
            return selector(v, ValueType.INSTANT_VECTOR);
        }
        if (expr instanceof MatrixSelector m) {
            ExprInfo inner = visit(m.selector());
            return new ExprInfo(ValueType.RANGE_VECTOR, inner.labels(), inner.rawCounter());
        }
        if (expr instanceof Subquery s) {
            ExprInfo inner = visit(s.expr());
            if (inner.type() != ValueType.INSTANT_VECTOR && inner.type() != ValueType.SCALAR) {
                typeError(s.expr(), "a subquery needs an instant vector, but this is " + article(inner.type()), null);
            }
            return new ExprInfo(ValueType.RANGE_VECTOR, inner.labels(), inner.rawCounter());
        }
        if (expr instanceof Aggregation a) {
            return aggregation(a);
        }
        if (expr instanceof Call c) {
            return call(c);
        }
        if (expr instanceof BinaryOp b) {
            return binary(b);
        }
        return new ExprInfo(ValueType.INSTANT_VECTOR, LabelFlow.UNKNOWN, false);
    }

    private ExprInfo selector(VectorSelector v, ValueType type) {
        Optional<String> name = v.metricName();
        if (name.isEmpty()) {
            return new ExprInfo(type, LabelFlow.UNKNOWN, false);
        }
        Optional<Series> series = catalog.series(name.get());
        if (series.isEmpty() || !series.get().labelsKnown()) {
            return new ExprInfo(type, LabelFlow.UNKNOWN, false);
        }
        return new ExprInfo(type, LabelFlow.of(series.get().labels()), series.get().type() == MetricType.COUNTER);
    }

    private ExprInfo aggregation(Aggregation a) {
        String op = a.operator().text();
        if (a.param() != null) {
            ExprInfo param = visit(a.param());
            ValueType wanted = op.equals("count_values") ? ValueType.STRING : ValueType.SCALAR;
            if (param.type() != wanted) {
                typeError(a.param(), op + "'s first argument must be " + article(wanted) + ", not " + article(param.type()), op.equals("count_values") ? "e.g. count_values(\"value\", x)" : "e.g. " + op + "(5, x)");
            }
        }
        ExprInfo operand = visit(a.expr());
        if (operand.type() != ValueType.INSTANT_VECTOR) {
            typeError(a.expr(), op + "() aggregates an instant vector, but this is " + article(operand.type()),
                    operand.type() == ValueType.RANGE_VECTOR ? "wrap the range in a function first, e.g. " + op + "(rate(x[5m]))" : null);
        }
        LabelFlow labels = operand.labels();
        boolean keepsSeries = op.equals("topk") || op.equals("bottomk");
        if (!keepsSeries) {
            if (a.grouping() == null) {
                labels = labels.keepOnly(List.of(), a.operator().span());
            } else if (a.grouping().without()) {
                labels = labels.without(labelNames(a.grouping().labels(), params), a.grouping().span());
            } else {
                labels = labels.keepOnly(labelNames(a.grouping().labels(), params), a.grouping().span());
            }
            if (op.equals("count_values") && a.param() instanceof StringLit s) {
                labels = labels.plus(List.of(s.value()));
            }
        }
        boolean rawCounter = operand.rawCounter() && Set.of("sum", "max", "min", "topk", "bottomk").contains(op);
        return new ExprInfo(ValueType.INSTANT_VECTOR, labels, rawCounter);
    }

    private ExprInfo call(Call c) {
        String name = c.function().text();
        Optional<PromQlFunctions.Function> found = PromQlFunctions.function(name);
        List<ExprInfo> args = new ArrayList<>();
        for (Expr arg : c.args()) {
            args.add(visit(arg));
        }
        if (found.isEmpty()) {
            Set<String> known = new java.util.TreeSet<>(PromQlFunctions.functionNames());
            known.addAll(PromQlFunctions.aggregationNames());
            diagnostics.add(Diagnostic.of(FUNCTION_CODE, Severity.ERROR, c.function().span(), "unknown function " + name + "()",
                    DidYouMean.suggest(name, known).map(s -> "did you mean " + s + "()?").orElse("see the PromQL function list")));
            return new ExprInfo(ValueType.INSTANT_VECTOR, LabelFlow.UNKNOWN, false);
        }
        PromQlFunctions.Function fn = found.get();
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
            String count = fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs())
                    : fn.maxArgs() == Integer.MAX_VALUE ? "at least " + fn.minArgs() : fn.minArgs() + " to " + fn.maxArgs();
            diagnostics.add(Diagnostic.of(FUNCTION_CODE, Severity.ERROR, c.span(), name + "() takes " + count
                    + " argument" + (count.equals("1") ? "" : "s") + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given",
                    signature(fn)));
        }
        for (int i = 0; i < args.size() && i < fn.maxArgs(); i++) {
            ValueType wanted = fn.argType(i);
            ValueType got = args.get(i).type();
            if (got != wanted && !(wanted == ValueType.SCALAR && got == ValueType.SCALAR)) {
                String hint = wanted == ValueType.RANGE_VECTOR && got == ValueType.INSTANT_VECTOR
                        ? "add a range: " + name + "(" + c.args().get(i).span().text() + "[5m])"
                        : wanted == ValueType.SCALAR && got == ValueType.INSTANT_VECTOR
                        ? "turn it into a scalar with scalar(...), or pass a number" : signature(fn);
                diagnostics.add(Diagnostic.of(FUNCTION_CODE, Severity.ERROR, c.args().get(i).span(),
                        name + "() needs " + article(wanted) + " as argument " + (i + 1) + ", but this is " + article(got), hint));
            }
        }
        LabelFlow labels = LabelFlow.NONE;
        for (int i = 0; i < args.size() && i < fn.maxArgs(); i++) {
            ValueType t = fn.argType(i);
            if (t == ValueType.INSTANT_VECTOR || t == ValueType.RANGE_VECTOR) {
                labels = args.get(i).labels();
                break;
            }
        }
        switch (name) {
            case "label_replace", "label_join" -> {
                if (c.args().size() > 1 && c.args().get(1) instanceof StringLit dst) {
                    labels = labels.plus(List.of(dst.value()));
                }
            }
            case "histogram_quantile" -> labels = labels.without(List.of("le"), c.function().span());
            case "absent", "absent_over_time" -> labels = absentLabels(c);
            case "vector", "time" -> labels = LabelFlow.NONE;
            default -> { }
        }
        return new ExprInfo(fn.returnType(), labels, false);
    }

    /** absent() returns one series labelled with the argument's equality matchers. */
    private LabelFlow absentLabels(Call c) {
        if (c.args().isEmpty()) {
            return LabelFlow.NONE;
        }
        Expr arg = c.args().get(0);
        VectorSelector selector = arg instanceof VectorSelector v ? v : arg instanceof MatrixSelector m ? m.selector() : null;
        if (selector == null) {
            return LabelFlow.NONE;
        }
        List<String> labels = new ArrayList<>();
        for (LabelMatcher m : selector.matchers()) {
            if (m.op() == LabelMatcher.MatchOp.EQ && !m.label().text().equals("__name__")) {
                labels.add(m.label().text());
            }
        }
        return LabelFlow.of(labels);
    }

    private static String signature(PromQlFunctions.Function fn) {
        StringBuilder out = new StringBuilder("write ").append(fn.name()).append('(');
        for (int i = 0; i < fn.argTypes().size(); i++) {
            out.append(i == 0 ? "" : ", ").append('<').append(fn.argTypes().get(i).description()).append('>');
        }
        return out.append(fn.variadic() ? ", ...)" : ")").toString();
    }

    private ExprInfo binary(BinaryOp b) {
        ExprInfo lhs = visit(b.lhs());
        ExprInfo rhs = visit(b.rhs());
        boolean lhsOk = requireOperand(lhs, b.lhs(), b.op());
        boolean rhsOk = requireOperand(rhs, b.rhs(), b.op());
        if (!lhsOk || !rhsOk) {
            return new ExprInfo(ValueType.INSTANT_VECTOR, LabelFlow.UNKNOWN, false);
        }
        boolean lhsVector = lhs.type() == ValueType.INSTANT_VECTOR;
        boolean rhsVector = rhs.type() == ValueType.INSTANT_VECTOR;
        if (b.isSetOperator() && (!lhsVector || !rhsVector)) {
            typeError(lhsVector ? b.rhs() : b.lhs(), "'" + b.op() + "' works on two instant vectors", "compare with a number using >, < or == instead");
        }
        if (b.isComparison() && !lhsVector && !rhsVector && !b.returnBool()) {
            typeError(b, "comparisons between two scalars need the bool modifier", "write " + b.lhs().span().text() + " " + b.op() + " bool " + b.rhs().span().text());
        }
        if (!lhsVector && !rhsVector) {
            return new ExprInfo(ValueType.SCALAR, LabelFlow.NONE, false);
        }
        if (!lhsVector) {
            return new ExprInfo(ValueType.INSTANT_VECTOR, rhs.labels(), false);
        }
        if (!rhsVector) {
            return new ExprInfo(ValueType.INSTANT_VECTOR, lhs.labels(), false);
        }
        VectorMatching m = b.matching();
        if (b.isSetOperator()) {
            return new ExprInfo(ValueType.INSTANT_VECTOR, b.op().equals("or") ? lhs.labels().union(rhs.labels()) : lhs.labels(), false);
        }
        if (m == null) {
            return new ExprInfo(ValueType.INSTANT_VECTOR, lhs.labels(), false);
        }
        List<String> matchLabels = labelNames(m.labels(), params);
        List<String> include = labelNames(m.include(), params);
        return switch (m.cardinality()) {
            case ONE_TO_ONE -> new ExprInfo(ValueType.INSTANT_VECTOR,
                    m.on() ? lhs.labels().keepOnly(matchLabels, m.span()) : lhs.labels().without(matchLabels, m.span()), false);
            case MANY_TO_ONE -> new ExprInfo(ValueType.INSTANT_VECTOR, lhs.labels().plus(include), false);
            case ONE_TO_MANY -> new ExprInfo(ValueType.INSTANT_VECTOR, rhs.labels().plus(include), false);
        };
    }

    private boolean requireOperand(ExprInfo info, Expr operand, String op) {
        if (info.type() == ValueType.RANGE_VECTOR) {
            typeError(operand, "'" + op + "' cannot take a range vector", "apply a function such as rate() or avg_over_time() to the range first");
            return false;
        } else if (info.type() == ValueType.STRING) {
            typeError(operand, "'" + op + "' cannot take a string", null);
            return false;
        }
        return true;
    }

    private static String article(ValueType type) {
        return (type == ValueType.INSTANT_VECTOR ? "an " : "a ") + type.description();
    }

    private void typeError(Expr at, String message, String hint) {
        diagnostics.add(Diagnostic.of(TYPE_CODE, Severity.ERROR, at.span(), message, hint));
    }
}
