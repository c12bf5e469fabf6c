package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code use name("value", 5) ["Title"] [{ overrides }]}: a copy of a panel template; null title keeps the template's. */
public record PanelUse(Span span, Ident template, List<ParamLiteral> args, StringLit title, PanelBody overrides)
        implements PanelItem {
    public PanelUse {
        args = List.copyOf(args);
    }
}
