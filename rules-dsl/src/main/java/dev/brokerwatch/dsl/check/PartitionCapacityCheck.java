package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.semantics.Analysis;
import dev.brokerwatch.dsl.semantics.LabelFlow;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import dev.brokerwatch.dsl.semantics.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A per-partition series divided by an amount that is not per partition (a volume's capacity, a broker's limit) and
 * the ratio compared with a threshold: each partition is measured against the whole, so the ratio stays small while
 * the broker's partitions together fill it. Per partition means: every MBean the series is read from has a
 * {@code partition} key that the series keeps as a label, and the division still has that label. A division by a
 * unit factor (a power of 1000 or 1024, of 10 or 2) is a conversion, not a capacity, and is left alone.
 */
public final class PartitionCapacityCheck implements Check {
    public static final CheckCode CODE = CheckCode.KAFKA_PARTITION_CAPACITY;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog catalog = context.pack().catalog();
        Params params = context.pack().params();
        for (CheckContext.CheckedExpr e : context.expressions()) {
            Severity severity = e.rule() != null && e.rule().rule() instanceof AlertRule ? Severity.ERROR : Severity.WARNING;
            PromQlWalker.forEach(e.expr(), node -> {
                if (!(node instanceof BinaryOp b) || !b.isComparison()) {
                    return;
                }
                for (Expr[] sides : new Expr[][] {{b.lhs(), b.rhs()}, {b.rhs(), b.lhs()}}) {
                    if (e.analysis().info(sides[1]).type() != ValueType.SCALAR) {
                        continue;
                    }
                    division(sides[0], params).ifPresent(d -> finding(d, e.analysis(), catalog, params)
                            .ifPresent(message -> out.add(Diagnostic.of(CODE, severity, d.span(), message, hint(d, e.analysis(), catalog)))));
                }
            });
        }
        return out;
    }

    /** The division a comparison side is, also under {@code * 100} (a percentage). */
    private static Optional<BinaryOp> division(Expr side, Params params) {
        Expr e = PromQlWalker.unwrap(side);
        if (e instanceof BinaryOp b && b.op().equals("*")) {
            if (SeriesSources.number(b.rhs(), params).isPresent()) {
                e = PromQlWalker.unwrap(b.lhs());
            } else if (SeriesSources.number(b.lhs(), params).isPresent()) {
                e = PromQlWalker.unwrap(b.rhs());
            }
        }
        return e instanceof BinaryOp d && d.op().equals("/") ? Optional.of(d) : Optional.empty();
    }

    private static Optional<String> finding(BinaryOp d, Analysis analysis, Catalog catalog, Params params) {
        LabelFlow numerator = analysis.info(d.lhs()).labels();
        LabelFlow result = analysis.info(d).labels();
        if (numerator.open() || result.open()) {
            return Optional.empty();
        }
        for (SeriesSources.Selected s : SeriesSources.selected(d.lhs(), catalog)) {
            Optional<String> label = s.metric().partitionLabel();
            if (label.isEmpty() || !numerator.labels().contains(label.get()) || !result.labels().contains(label.get())) {
                continue;
            }
            String whole;
            OptionalDouble divisor = SeriesSources.number(d.rhs(), params);
            if (divisor.isPresent()) {
                if (isUnitFactor(divisor.getAsDouble())) {
                    return Optional.empty();
                }
                whole = "the number " + d.rhs().span().text().strip();
            } else {
                LabelFlow denominator = analysis.info(d.rhs()).labels();
                ValueType type = analysis.info(d.rhs()).type();
                if (type != ValueType.SCALAR && (denominator.open() || denominator.labels().contains(label.get()))) {
                    continue;
                }
                whole = d.rhs().span().text().strip() + ", which has no " + label.get() + " label,";
            }
            String source = s.metric().jmx().get(0).objectName();
            return Optional.of(s.seriesName() + " has one series per partition (" + source + "), but " + whole
                    + " is not per partition: each partition is compared with a whole-broker amount, so the ratio stays small "
                    + "while the broker's partitions together fill it");
        }
        return Optional.empty();
    }

    private static String hint(BinaryOp d, Analysis analysis, Catalog catalog) {
        String partition = SeriesSources.selected(d.lhs(), catalog).stream().map(s -> s.metric().partitionLabel())
                .flatMap(Optional::stream).findFirst().orElse("partition");
        List<String> perPartition = new ArrayList<>();
        for (String l : analysis.info(d.lhs()).labels().labels()) {
            if (l.equals(partition) || l.equals("topic")) {
                perPartition.add(l);
            }
        }
        return "add the partitions up first, sum without (" + String.join(", ", perPartition) + ") (" + d.lhs().span().text().strip()
                + ") / ..., or compare the volume's own usage (e.g. kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes)";
    }

    /** 1000^n, 1024^n, 10^n or 2^n (n >= 1): a unit conversion such as bytes to GiB. */
    static boolean isUnitFactor(double value) {
        for (double base : new double[] {2, 10, 1000, 1024}) {
            double v = base;
            while (v <= value * (1 + 1e-12)) {
                if (Math.abs(v - value) <= value * 1e-12) {
                    return true;
                }
                v *= base;
            }
        }
        return false;
    }
}
