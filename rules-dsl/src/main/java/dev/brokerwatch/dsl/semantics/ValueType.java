package dev.brokerwatch.dsl.semantics;

/** The PromQL value types, as functions declare and return them. */
public enum ValueType {
    SCALAR("scalar"), INSTANT_VECTOR("instant vector"), RANGE_VECTOR("range vector"), STRING("string");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
