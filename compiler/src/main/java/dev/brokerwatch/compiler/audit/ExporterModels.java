package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.reporter.StrimziReporterModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporter models {@code --exporter} can name: {@code NAME} or {@code NAME:ARGUMENT}. Each model registers
 * a factory under its name here, saying whether it reads MBeans through an inventory.
 */
public final class ExporterModels {

    /**
     * Makes a model from the argument after the colon (null without one), the configurations found among the audited
     * files and where its MBean inventories come from (ignored by a model that reads none).
     */
    @FunctionalInterface
    public interface Factory {
        ExporterModel create(String argument, List<ExporterConfigSource> found, InventorySource inventories)
                throws ExporterSpecException;
    }

    private record Registration(Factory factory, boolean readsInventory) {
    }

    private static final Map<String, Registration> MODELS = new LinkedHashMap<>();
    /** Models the audit knows of whose implementation this build does not contain. */
    private static final List<String> NOT_IN_THIS_BUILD = List.of();

    static {
        MODELS.put("brokerwatch", new Registration((argument, found, inventories) -> BrokerwatchModel.create(argument, found), false));
        MODELS.put("jmx-exporter", new Registration(JmxExporterModels::create, true));
        MODELS.put("strimzi-reporter", new Registration((argument, found, inventories) ->
                StrimziReporterModel.create(argument, JmxExporterModels.TARGET_LABELS, inventories), true));
    }

    private ExporterModels() {
    }

    /** The model {@code spec} names, e.g. {@code brokerwatch} or {@code brokerwatch:my-catalog.bw}. */
    public static ExporterModel parse(String spec) throws ExporterSpecException {
        return parse(spec, List.of());
    }

    /** As {@link #parse(String)}; a model that reads a configuration may take one {@code found} among the audited files. */
    public static ExporterModel parse(String spec, List<ExporterConfigSource> found) throws ExporterSpecException {
        return parse(spec, found, InventorySource.SHIPPED);
    }

    /** As {@link #parse(String, List)}, a model that reads MBeans taking its inventories from {@code inventories}. */
    public static ExporterModel parse(String spec, List<ExporterConfigSource> found, InventorySource inventories)
            throws ExporterSpecException {
        String trimmed = spec.strip();
        String argument = argument(trimmed);
        return registration(trimmed).factory().create(argument == null || argument.isBlank() ? null : argument, found, inventories);
    }

    /** Whether the model {@code spec} names reads MBeans through an inventory (jmx-exporter, strimzi-reporter). */
    public static boolean readsInventory(String spec) throws ExporterSpecException {
        return registration(spec.strip()).readsInventory();
    }

    /** The names of the models that read MBeans through an inventory. */
    public static List<String> inventoryReaders() {
        return MODELS.entrySet().stream().filter(e -> e.getValue().readsInventory()).map(Map.Entry::getKey).toList();
    }

    /** The names of the models this build contains. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    private static Registration registration(String trimmed) throws ExporterSpecException {
        String name = name(trimmed);
        Registration registration = MODELS.get(name);
        if (registration != null) {
            return registration;
        }
        if (NOT_IN_THIS_BUILD.contains(name)) {
            throw new ExporterSpecException("--exporter " + trimmed + ": the " + name
                    + " model is not available in this build (available: " + String.join(", ", names()) + ")");
        }
        throw new ExporterSpecException("--exporter " + trimmed + ": unknown exporter model " + name
                + " (known: " + String.join(", ", names()) + "; forms: brokerwatch[:CATALOG.bw|MAPPING], "
                + "jmx-exporter:CONFIG.yaml, strimzi-reporter[:ALLOWLIST|FILE])");
    }

    private static String name(String trimmed) {
        int colon = trimmed.indexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(0, colon);
    }

    private static String argument(String trimmed) {
        int colon = trimmed.indexOf(':');
        return colon < 0 ? null : trimmed.substring(colon + 1);
    }
}
