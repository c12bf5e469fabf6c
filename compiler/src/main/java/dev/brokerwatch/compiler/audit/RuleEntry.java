package dev.brokerwatch.compiler.audit;

/** A {@code key: value} of a rule's labels or annotations, both traced to the file. */
public record RuleEntry(MappedText key, MappedText value) {
}
