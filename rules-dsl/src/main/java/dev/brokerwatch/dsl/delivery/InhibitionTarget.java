package dev.brokerwatch.dsl.delivery;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.compile.RuleInfo;

/** A name in an {@code inhibits} list and the alert it names; {@code alert} is null when no alert has that name. */
public record InhibitionTarget(Ident written, RuleInfo alert) {
}
