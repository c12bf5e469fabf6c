package dev.brokerwatch.tests.strimzi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The series Strimzi's shipped Kafka dashboards and Kafka PrometheusRule query, with the labels their queries
 * use: the resource {@code strimzi/strimzi-queried-series.txt}.
 */
record StrimziQueriedSeries(SortedSet<String> targetLabels, List<Entry> entries) {
    static final String RESOURCE = "/strimzi/strimzi-queried-series.txt";

    /**
     * Series the curated catalog does not export yet, each with the reason. The catalog test fails when one of
     * them appears in the catalog, so that this list only ever shrinks.
     */
    static final Map<String, String> NOT_YET_EXPORTED = Map.of();

    /** Which nodes export a series. */
    enum Nodes {
        EVERY, BROKER, CONTROLLER, EXTERNAL
    }

    record Entry(String series, SortedSet<String> labels, Nodes nodes, Set<String> usedBy, int line) {
        boolean brokerSide() {
            return nodes != Nodes.EXTERNAL;
        }
    }

    static StrimziQueriedSeries load() {
        try (InputStream in = StrimziQueriedSeries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StrimziQueriedSeries parse(String text) {
        SortedSet<String> targetLabels = new TreeSet<>();
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields[0].equals("target-labels")) {
                targetLabels.addAll(Arrays.asList(fields).subList(1, fields.length));
                continue;
            }
            if (fields.length != 4) {
                throw new IllegalArgumentException(RESOURCE + ":" + (i + 1) + ": expected series, labels, nodes, used-by; got " + line);
            }
            SortedSet<String> labels = new TreeSet<>();
            if (!fields[1].equals("-")) {
                labels.addAll(Arrays.asList(fields[1].split(",")));
            }
            entries.add(new Entry(fields[0], labels, Nodes.valueOf(fields[2].toUpperCase(java.util.Locale.ROOT)),
                    new TreeSet<>(Arrays.asList(fields[3].split(","))), i + 1));
        }
        return new StrimziQueriedSeries(targetLabels, List.copyOf(entries));
    }

    /** The series the brokers' exporter must produce (not kubelet, cAdvisor or Prometheus itself). */
    List<Entry> brokerSide() {
        return entries.stream().filter(Entry::brokerSide).toList();
    }

    /** The broker-side series the agent exports today. */
    List<Entry> exported() {
        return brokerSide().stream().filter(e -> !NOT_YET_EXPORTED.containsKey(e.series())).toList();
    }
}
