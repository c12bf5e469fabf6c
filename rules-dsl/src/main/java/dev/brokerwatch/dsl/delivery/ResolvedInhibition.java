package dev.brokerwatch.dsl.delivery;

import dev.brokerwatch.dsl.ast.Inhibition;
import dev.brokerwatch.dsl.compile.RuleInfo;
import java.util.List;

/**
 * An {@code inhibits} clause with its names resolved: the source alert, each target, and the {@code on} labels with
 * label-list parameters expanded (Alertmanager's {@code equal}).
 */
public record ResolvedInhibition(RuleInfo source, Inhibition declaration, List<InhibitionTarget> targets, List<String> equal) {
    public ResolvedInhibition {
        targets = List.copyOf(targets);
        equal = List.copyOf(equal);
    }

    /** The targets that name an alert of the pack. */
    public List<RuleInfo> knownTargets() {
        return targets.stream().filter(t -> t.alert() != null).map(InhibitionTarget::alert).toList();
    }
}
