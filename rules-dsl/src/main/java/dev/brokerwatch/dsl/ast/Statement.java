package dev.brokerwatch.dsl.ast;

/** A top-level declaration of a .bw file. */
public sealed interface Statement extends Node
        permits ImportDecl, ParamDecl, SeveritiesDecl, MetricDecl, FamilyDecl, ExternalMetricDecl, GroupDecl,
                DashboardDecl, PanelTemplateDecl, RoutingDecl {
}
