package dev.brokerwatch.dsl.ast;

/** A panel written out, or a use of a panel template. */
public sealed interface PanelItem extends DashboardElement permits PanelDecl, PanelUse {
}
