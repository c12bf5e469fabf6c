package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamRef;
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
import dev.brokerwatch.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/** PromQL as Prometheus parses it: precedence, every expression form, and exact spans. */
class PromQlParserTest {

    static Expr parse(String text) {
        BwParser.ExprResult result = BwParser.parseExpr(SourceFile.ofString("q", text));
        assertThat(result.diagnostics()).as("problems parsing %s", text).isEmpty();
        return result.expr();
    }

    @Test
    void comparisonBindsLooserThanArithmetic() {
        BinaryOp op = (BinaryOp) parse("a + b * c > 2");
        assertThat(op.op()).isEqualTo(">");
        BinaryOp sum = (BinaryOp) op.lhs();
        assertThat(sum.op()).isEqualTo("+");
        assertThat(((BinaryOp) sum.rhs()).op()).as("* binds tighter than +").isEqualTo("*");
    }

    @Test
    void orBindsLooserThanAndAndUnless() {
        BinaryOp op = (BinaryOp) parse("a or b and c unless d");
        assertThat(op.op()).isEqualTo("or");
        assertThat(((BinaryOp) op.rhs()).op()).as("and/unless are left-associative at one level").isEqualTo("unless");
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        UnaryOp neg = (UnaryOp) parse("-2 ^ 3 ^ 2");
        BinaryOp pow = (BinaryOp) neg.operand();
        assertThat(pow.op()).isEqualTo("^");
        assertThat(pow.rhs()).as("2^3^2 is 2^(3^2)").isInstanceOf(BinaryOp.class);
    }

    @Test
    void aggregationGroupingMayComeBeforeOrAfterTheArguments() {
        Aggregation before = (Aggregation) parse("sum by (pod) (x)");
        Aggregation after = (Aggregation) parse("sum(x) without (topic, partition)");
        assertThat(before.grouping().without()).isFalse();
        assertThat(before.grouping().labels()).hasSize(1);
        assertThat(after.grouping().without()).isTrue();
        assertThat(after.grouping().labels()).hasSize(2);
    }

    @Test
    void parameterisedAggregationKeepsItsParameterApart() {
        Aggregation topk = (Aggregation) parse("topk(5, rate(x_total[5m]))");
        assertThat(topk.param()).isInstanceOf(NumberLit.class);
        assertThat(topk.expr()).isInstanceOf(Call.class);
    }

    @Test
    void functionNamesAreIdentifiersSoMetricsMayShareThem() {
        assertThat(parse("time")).as("a metric named time").isInstanceOf(VectorSelector.class);
        assertThat(parse("time()")).isInstanceOf(Call.class);
    }

    @Test
    void keywordsOfTheLanguageAreUsableAsLabelAndMetricNames() {
        VectorSelector v = (VectorSelector) parse("group{source=\"x\", for=\"y\", test!=\"\"}");
        assertThat(v.name().text()).isEqualTo("group");
        assertThat(v.matchers()).extracting(m -> m.label().text()).containsExactly("source", "for", "test");
    }

    @Test
    void matchersCarryTheirOperator() {
        VectorSelector v = (VectorSelector) parse("m{a=\"1\", b!=\"2\", c=~\"3.*\", d!~`4\\d`}");
        assertThat(v.matchers()).extracting(LabelMatcher::op)
                .containsExactly(LabelMatcher.MatchOp.EQ, LabelMatcher.MatchOp.NE, LabelMatcher.MatchOp.RE, LabelMatcher.MatchOp.NRE);
    }

    @Test
    void rangeSubqueryOffsetAndAt() {
        Call rate = (Call) parse("rate(x_total[5m] offset 1h)");
        MatrixSelector m = (MatrixSelector) rate.args().get(0);
        assertThat(m.modifiers().offset()).isNotNull();
        Subquery s = (Subquery) ((Call) parse("max_over_time(rate(x_total[1m])[30m:1m])")).args().get(0);
        assertThat(s.step()).isNotNull();
        VectorSelector at = (VectorSelector) parse("x @ 1700000000");
        assertThat(at.modifiers().at()).isEqualTo("1700000000");
    }

    @Test
    void vectorMatchingWithGroupLeft() {
        BinaryOp op = (BinaryOp) parse("a * on (pod) group_left (node) b");
        assertThat(op.matching().on()).isTrue();
        assertThat(op.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_ONE);
        assertThat(op.matching().include()).hasSize(1);
    }

    @Test
    void boolModifierOnComparisons() {
        assertThat(((BinaryOp) parse("a > bool 1")).returnBool()).isTrue();
    }

    @Test
    void parametersStandForNumbersDurationsAndLabelLists() {
        BinaryOp op = (BinaryOp) parse("sum by ($labels) (rate(x_total[$window])) > $threshold");
        assertThat(op.rhs()).isInstanceOf(ParamRef.class);
        Aggregation agg = (Aggregation) op.lhs();
        assertThat(agg.grouping().labels().get(0)).isInstanceOf(ParamRef.class);
        MatrixSelector m = (MatrixSelector) ((Call) agg.expr()).args().get(0);
        assertThat(m.range()).isInstanceOf(ParamRef.class);
    }

    @Test
    void spansCoverExactlyTheirText() {
        String text = "sum by (pod) (rate(kafka_x_total{a=\"b\"}[5m])) > 0";
        BinaryOp op = (BinaryOp) parse(text);
        assertThat(op.span().text()).isEqualTo(text);
        Aggregation agg = (Aggregation) op.lhs();
        assertThat(agg.span().text()).isEqualTo("sum by (pod) (rate(kafka_x_total{a=\"b\"}[5m]))");
        assertThat(agg.grouping().span().text()).isEqualTo("by (pod)");
        Call rate = (Call) agg.expr();
        assertThat(rate.function().span().text()).isEqualTo("rate");
        MatrixSelector m = (MatrixSelector) rate.args().get(0);
        assertThat(m.span().text()).isEqualTo("kafka_x_total{a=\"b\"}[5m]");
        assertThat(m.range().span().text()).isEqualTo("5m");
        assertThat(op.opSpan().text()).isEqualTo(">");
    }

    @Test
    void infAndNanAreNumbers() {
        assertThat(((NumberLit) ((BinaryOp) parse("x > Inf")).rhs()).value()).isInfinite();
        assertThat(((NumberLit) ((BinaryOp) parse("x != NaN")).rhs()).value()).isNaN();
    }

    @Test
    void parenthesesArePreserved() {
        assertThat(((BinaryOp) parse("(a + b) * c")).lhs()).isInstanceOf(ParenExpr.class);
    }

    @Test
    void durationsMustRunFromLargestToSmallestUnit() {
        assertThat(Durations.parseMillis("1h30m")).isEqualTo(5_400_000);
        assertThat(Durations.parseMillis("30m1h")).as("units out of order").isEqualTo(-1);
        assertThat(Durations.format(90_000)).isEqualTo("1m30s");
    }
}
