package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.compile.SeverityScopes;
import dev.brokerwatch.dsl.delivery.InhibitionTarget;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An inhibition whose target is more severe than its source: a warning would silence a page. Severities are ranked
 * by their order in the {@code severities} line (first is most severe); alerts under different lines are not compared.
 */
public final class InhibitSeverityCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_SEVERITY;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        SeverityScopes scopes = context.pack().severities();
        List<Diagnostic> out = new ArrayList<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            AlertRule source = (AlertRule) inhibition.source().rule();
            List<String> order = scopes.allowedIn(source.span().file());
            int sourceRank = rank(source.severity(), order);
            for (InhibitionTarget target : inhibition.targets()) {
                if (target.alert() == null) {
                    continue;
                }
                AlertRule hidden = (AlertRule) target.alert().rule();
                if (!scopes.allowedIn(hidden.span().file()).equals(order)) {
                    continue;
                }
                int targetRank = rank(hidden.severity(), order);
                if (sourceRank >= 0 && targetRank >= 0 && targetRank < sourceRank) {
                    out.add(Diagnostic.of(CODE, Severity.ERROR, target.written().span(),
                            source.name().text() + " (" + source.severity().text() + ") would hide " + hidden.name().text()
                                    + " (" + hidden.severity().text() + "), a more severe alert",
                            "let the more severe alert inhibit the less severe one, or drop " + hidden.name().text()
                                    + " from this list"));
                }
            }
        }
        return out;
    }

    private static int rank(Ident severity, List<String> order) {
        return severity == null ? -1 : order.indexOf(severity.text());
    }
}
