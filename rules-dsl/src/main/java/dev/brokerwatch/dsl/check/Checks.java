package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** The one list of checks that {@code check} and {@code compile} run, in documentation order. */
public final class Checks {
    public static final List<Check> ALL = List.of(
            new CatalogDuplicateCheck(),
            new CatalogNamingCheck(),
            new UnknownMetricCheck(),
            new MetricVersionCheck(),
            new RateOverGaugeCheck(),
            new DerivOverCounterCheck(),
            new CounterThresholdCheck(),
            new GroupingLabelCheck(),
            new MatcherLabelCheck(),
            new Re2RegexCheck(),
            new RangeWindowCheck(),
            new VanishingSeriesCheck(),
            new PartitionCapacityCheck(),
            new LifetimeAverageCheck(),
            new RateOfRateCheck(),
            new TemplateSyntaxCheck(),
            new TemplateLabelCheck(),
            new ForIntervalCheck(),
            new DuplicateRuleCheck(),
            new SeverityCheck(),
            new AnnotationsCheck(),
            new ParamUseCheck(),
            new AlertTestCheck(),
            new InhibitUnknownAlertCheck(),
            new InhibitLabelCheck(),
            new InhibitCycleCheck(),
            new InhibitScopeCheck(),
            new InhibitSeverityCheck(),
            new InhibitTimingCheck(),
            new DeliveryRoutingCheck(),
            new DashboardVariableUndefinedCheck(),
            new DashboardVariableUnusedCheck(),
            new UnboundedQueryCheck(),
            new PanelUnitCheck(),
            new DashboardLinkCheck(),
            new DashboardDuplicateCheck());

    private Checks() {
    }

    public static List<Diagnostic> runAll(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Check check : ALL) {
            out.addAll(check.run(context));
        }
        return out;
    }
}
