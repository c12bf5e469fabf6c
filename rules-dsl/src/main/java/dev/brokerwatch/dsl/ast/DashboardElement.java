package dev.brokerwatch.dsl.ast;

/** What a dashboard lists in order: rows, and panels outside any row. */
public sealed interface DashboardElement extends Node permits RowDecl, PanelItem {
}
