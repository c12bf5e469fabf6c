package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.Span;

/** One member of a family: the MBean's {@code name} key value and its own help and availability. */
public record FamilyMember(Span span, Ident mbeanName, Ident suffix, StringLit help, Ident unit,
                           StringLit conditional, StringLit since, StringLit until) implements Node {
}
