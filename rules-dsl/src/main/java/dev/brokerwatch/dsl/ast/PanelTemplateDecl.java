package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/** {@code template name(a, b) <panel>}: a panel written once; {@code $a} in it is replaced by each use's value. */
public record PanelTemplateDecl(Span span, Ident name, List<Ident> params, PanelDecl panel) implements Statement {
    public PanelTemplateDecl {
        params = List.copyOf(params);
    }
}
