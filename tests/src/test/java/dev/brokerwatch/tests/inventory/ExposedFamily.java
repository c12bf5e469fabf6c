package dev.brokerwatch.tests.inventory;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.harness.Scrape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A family as the text format shows it and Prometheus stores it: the name in {@code # TYPE} (a counter's with
 * {@code _total}), the type word there, and the label names. Empty-valued labels are left out (Prometheus stores an
 * empty label as no label), and so is a summary's {@code quantile} (the catalog's summary implies it).
 */
record ExposedFamily(String name, String type, SortedSet<String> labels) {
    /** What an exporter model's catalog says the exporter exposes. */
    static SortedMap<String, ExposedFamily> of(Catalog catalog) {
        SortedMap<String, ExposedFamily> out = new TreeMap<>();
        for (CatalogMetric m : catalog.metrics()) {
            out.put(m.name(), new ExposedFamily(m.name(), typeWord(m.type()), new TreeSet<>(m.labels())));
        }
        return out;
    }

    /** What a scrape shows. */
    static SortedMap<String, ExposedFamily> of(Scrape.MetricFamilies scrape) {
        SortedMap<String, ExposedFamily> out = new TreeMap<>();
        for (Scrape.MetricFamily f : scrape.asMap().values()) {
            SortedSet<String> labels = new TreeSet<>();
            for (Scrape.Sample s : f.samples()) {
                s.labels().forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        labels.add(k);
                    }
                });
            }
            if (f.type().equals("summary")) {
                labels.remove("quantile");
            }
            out.put(f.name(), new ExposedFamily(f.name(), f.type(), labels));
        }
        return out;
    }

    private static String typeWord(MetricType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Every difference, one line each: families only one side has, and types or label names that differ. A family only
     * the real exporter has is no difference when {@code perInstance} says the model names that family after each value
     * or instance (it cannot list them; the audit reports the rule instead), and a label name only one side has is no
     * difference when {@code capturedLabel} says the model forms that family's label names from a capture.
     */
    static List<String> differences(SortedMap<String, ExposedFamily> simulated, SortedMap<String, ExposedFamily> real,
                                    List<Pattern> perInstance, BiPredicate<String, String> capturedLabel) {
        List<String> out = new ArrayList<>();
        for (ExposedFamily s : simulated.values()) {
            ExposedFamily r = real.get(s.name());
            if (r == null && namedAfterAnInstanceTheRealScrapeHasAnotherOf(s.name(), perInstance, real)) {
                continue;
            }
            if (r == null) {
                out.add("only simulated: " + s);
            } else if (!r.type().equals(s.type())) {
                out.add("type of " + s.name() + ": simulated " + s.type() + ", real " + r.type());
            } else if (!r.labels().equals(s.labels())) {
                SortedSet<String> missing = new TreeSet<>(r.labels());
                missing.removeAll(s.labels());
                missing.removeIf(label -> capturedLabel.test(s.name(), label));
                SortedSet<String> extra = new TreeSet<>(s.labels());
                extra.removeAll(r.labels());
                extra.removeIf(label -> capturedLabel.test(s.name(), label));
                if (missing.isEmpty() && extra.isEmpty()) {
                    continue;
                }
                out.add("labels of " + s.name() + ": simulated " + s.labels() + ", real " + r.labels()
                        + (missing.isEmpty() ? "" : "; not simulated " + missing) + (extra.isEmpty() ? "" : "; not real " + extra));
            }
        }
        for (ExposedFamily r : real.values()) {
            if (!simulated.containsKey(r.name()) && perInstance.stream().noneMatch(p -> p.matcher(r.name()).matches())) {
                out.add("only real: " + r);
            }
        }
        return out;
    }

    /**
     * A family the model names after one instance (the recorded example's topic, say) stands for one family per
     * instance: which instances a live node has depends on what it leads, so any real family of the same
     * per-instance pattern matches it.
     */
    private static boolean namedAfterAnInstanceTheRealScrapeHasAnotherOf(String name, List<Pattern> perInstance,
                                                                       SortedMap<String, ExposedFamily> real) {
        for (Pattern p : perInstance) {
            if (p.matcher(name).matches() && real.keySet().stream().anyMatch(r -> p.matcher(r).matches())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + " " + type + " " + labels;
    }
}
