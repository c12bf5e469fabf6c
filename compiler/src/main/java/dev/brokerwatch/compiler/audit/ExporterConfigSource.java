package dev.brokerwatch.compiler.audit;

/**
 * An exporter configuration found among the audited files (a Strimzi metrics ConfigMap's data entry), for an
 * exporter model that reads one: {@code where} names the resource and key, {@code yaml} is the configuration
 * text traced to its place in the file.
 */
public record ExporterConfigSource(String where, MappedText yaml) {
}
