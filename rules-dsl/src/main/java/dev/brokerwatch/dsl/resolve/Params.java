package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.ast.ParamDecl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every parameter's final value (declared default, or the {@code --set} override) and its declaration. */
public final class Params {

    /** The Kafka version a pack is compiled for: picks params' {@code since} values, checks metrics' versions. */
    public static final String KAFKA_VERSION = "kafka_version";
    /** The Kafka line the curated catalog describes (shared/facts: what a 4.1 broker exposes). */
    public static final String DEFAULT_KAFKA_VERSION = "4.1";

    /** Parameters every pack has, so that checks and emitters can rely on them; a pack may redeclare them. */
    public static final Map<String, ParamValue> BUILTINS;

    static {
        Map<String, ParamValue> builtins = new LinkedHashMap<>();
        builtins.put("scrape_interval", new ParamValue.DurationValue(30_000, "30s"));
        builtins.put("target_labels", new ParamValue.LabelsValue(java.util.List.of("job", "instance")));
        builtins.put(KAFKA_VERSION, new ParamValue.StringValue(DEFAULT_KAFKA_VERSION));
        BUILTINS = Collections.unmodifiableMap(builtins);
    }

    private final Map<String, ParamValue> values;
    private final Map<String, ParamDecl> declarations;

    Params(Map<String, ParamValue> values, Map<String, ParamDecl> declarations) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.declarations = Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
    }

    public Optional<ParamValue> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<ParamDecl> declaration(String name) {
        return Optional.ofNullable(declarations.get(name));
    }

    public Map<String, ParamValue> values() {
        return values;
    }

    public long scrapeIntervalMillis() {
        return value("scrape_interval").filter(v -> v instanceof ParamValue.DurationValue)
                .map(v -> ((ParamValue.DurationValue) v).millis()).orElse(30_000L);
    }

    /** The targeted Kafka version, e.g. {@code 4.1} or {@code 3.9.2}. */
    public String kafkaVersion() {
        return value(KAFKA_VERSION).filter(v -> v instanceof ParamValue.StringValue)
                .map(v -> ((ParamValue.StringValue) v).value()).orElse(DEFAULT_KAFKA_VERSION);
    }

    public java.util.List<String> targetLabels() {
        return value("target_labels").filter(v -> v instanceof ParamValue.LabelsValue)
                .map(v -> ((ParamValue.LabelsValue) v).labels()).orElse(java.util.List.of("job", "instance"));
    }
}
