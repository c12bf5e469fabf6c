package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.reporter.StrimziReporterModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporter models {@code --exporter} can name: {@code NAME} or {@code NAME:ARGUMENT}. Each model registers
 * a factory under its name here.
 */
public final class ExporterModels {

    /** Makes a model from the argument after the colon (null without one) and the configurations found among the audited files. */
    @FunctionalInterface
    public interface Factory {
        ExporterModel create(String argument, List<ExporterConfigSource> found) throws ExporterSpecException;
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();
    /** Models the audit knows of whose implementation this build does not contain. */
    private static final List<String> NOT_IN_THIS_BUILD = List.of();

    static {
        FACTORIES.put("brokerwatch", BrokerwatchModel::create);
        FACTORIES.put("jmx-exporter", JmxExporterModels::create);
        FACTORIES.put("strimzi-reporter", (argument, found) -> StrimziReporterModel.create(argument, JmxExporterModels.TARGET_LABELS));
    }

    private ExporterModels() {
    }

    /** The model {@code spec} names, e.g. {@code brokerwatch} or {@code brokerwatch:my-catalog.bw}. */
    public static ExporterModel parse(String spec) throws ExporterSpecException {
        return parse(spec, List.of());
    }

    /** As {@link #parse(String)}; a model that reads a configuration may take one {@code found} among the audited files. */
    public static ExporterModel parse(String spec, List<ExporterConfigSource> found) throws ExporterSpecException {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String argument = colon < 0 ? null : trimmed.substring(colon + 1);
        Factory factory = FACTORIES.get(name);
        if (factory != null) {
            return factory.create(argument == null || argument.isBlank() ? null : argument, found);
        }
        if (NOT_IN_THIS_BUILD.contains(name)) {
            throw new ExporterSpecException("--exporter " + trimmed + ": the " + name
                    + " model is not available in this build (available: " + String.join(", ", names()) + ")");
        }
        throw new ExporterSpecException("--exporter " + trimmed + ": unknown exporter model " + name
                + " (known: " + String.join(", ", names()) + "; forms: brokerwatch[:CATALOG.bw|MAPPING], "
                + "jmx-exporter:CONFIG.yaml, strimzi-reporter[:ALLOWLIST|FILE])");
    }

    /** The names of the models this build contains. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }
}
