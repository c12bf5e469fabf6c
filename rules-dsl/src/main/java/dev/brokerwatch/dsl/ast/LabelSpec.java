package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;
import java.util.Locale;

/** An ObjectName key exported as a label: lower-cased, as Strimzi's exporter config does, unless renamed. */
public record LabelSpec(Span span, Ident key, Ident rename) implements Node {
    public String labelName() {
        return rename != null ? rename.text() : key.text().toLowerCase(Locale.ROOT);
    }
}
