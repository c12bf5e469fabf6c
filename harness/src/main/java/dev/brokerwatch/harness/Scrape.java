package dev.brokerwatch.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * Reads an exporter's {@code /metrics} on loopback and parses the Prometheus text format (0.0.4) into
 * metric families, so that tests can look up samples and compare two exporters.
 *
 * <pre>{@code
 * Scrape.MetricFamilies m = Scrape.metrics(node.agentPort("stock"));
 * double urp = m.value("kafka_server_ReplicaManager_Value", Map.of("name", "UnderReplicatedPartitions")).orElseThrow();
 * }</pre>
 */
public final class Scrape {
    /** Asks for the classic text format, not OpenMetrics. */
    public static final String ACCEPT_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> FAMILY_SUFFIXES =
            List.of("_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Scrape() {}

    /** The body of {@code http://127.0.0.1:<port>/metrics}. */
    public static String fetch(int port) {
        return fetch(URI.create("http://" + LoopbackPorts.address(port) + "/metrics"));
    }

    /** The body of a GET of {@code uri}; fails on any status but 200. */
    public static String fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", ACCEPT_TEXT).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    /** Fetches and parses {@code http://127.0.0.1:<port>/metrics}. */
    public static MetricFamilies metrics(int port) {
        return parse(fetch(port));
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** One sample line: its full name (with any _total/_bucket/... suffix), labels, value, optional timestamp. */
    public record Sample(String name, Map<String, String> labels, double value, Long timestampMillis) {
        public Sample {
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        }

        /** True when every label in {@code subset} is present with the same value. */
        public boolean hasLabels(Map<String, String> subset) {
            for (Map.Entry<String, String> e : subset.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return name + labels + " " + value;
        }
    }

    /** A family: its name (as in # TYPE), type ("untyped" when not declared), help, and samples. */
    public record MetricFamily(String name, String type, String help, List<Sample> samples) {
        public MetricFamily {
            samples = List.copyOf(samples);
        }

        /** The label names used by any sample (sorted). */
        public SortedSet<String> labelNames() {
            SortedSet<String> names = new TreeSet<>();
            samples.forEach(s -> names.addAll(s.labels().keySet()));
            return names;
        }
    }

    /** All families of one scrape, by name, in exposition order. */
    public static final class MetricFamilies {
        private final Map<String, MetricFamily> families;

        MetricFamilies(Map<String, MetricFamily> families) {
            this.families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        }

        public Map<String, MetricFamily> asMap() {
            return families;
        }

        public SortedSet<String> names() {
            return new TreeSet<>(families.keySet());
        }

        public int size() {
            return families.size();
        }

        public Optional<MetricFamily> family(String name) {
            return Optional.ofNullable(families.get(name));
        }

        /** Every sample whose name is exactly {@code sampleName}, whatever family it is in. */
        public List<Sample> samples(String sampleName) {
            List<Sample> out = new ArrayList<>();
            for (MetricFamily f : families.values()) {
                for (Sample s : f.samples()) {
                    if (s.name().equals(sampleName)) {
                        out.add(s);
                    }
                }
            }
            return out;
        }

        /** Samples named {@code sampleName} that carry all of {@code labels}. */
        public List<Sample> samples(String sampleName, Map<String, String> labels) {
            return samples(sampleName).stream().filter(s -> s.hasLabels(labels)).toList();
        }

        /** The value of the only sample named {@code sampleName} with {@code labels}; empty if none; fails if several. */
        public OptionalDouble value(String sampleName, Map<String, String> labels) {
            List<Sample> found = samples(sampleName, labels);
            if (found.size() > 1) {
                throw new IllegalStateException(found.size() + " samples match " + sampleName + labels + ": " + found);
            }
            return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
        }

        public int sampleCount() {
            return families.values().stream().mapToInt(f -> f.samples().size()).sum();
        }
    }

    /** Parses the Prometheus text exposition format (0.0.4; OpenMetrics text is accepted too). */
    public static MetricFamilies parse(String text) {
        Map<String, FamilyBuilder> families = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("#")) {
                    parseComment(line, families);
                } else {
                    Sample s = parseSample(line);
                    familyFor(s.name(), families).samples.add(s);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        Map<String, MetricFamily> out = new LinkedHashMap<>();
        families.forEach((name, b) -> out.put(name, new MetricFamily(name, b.type, b.help, b.samples)));
        return new MetricFamilies(out);
    }

    private static final class FamilyBuilder {
        String type = "untyped";
        String help = "";
        final List<Sample> samples = new ArrayList<>();
    }

    private static void parseComment(String line, Map<String, FamilyBuilder> families) {
        String[] parts = line.substring(1).strip().split("[ \t]+", 3);
        if (parts.length < 2) {
            return; // a plain comment, or "# EOF"
        }
        if (parts[0].equals("TYPE")) {
            families.computeIfAbsent(parts[1], k -> new FamilyBuilder()).type =
                    parts.length > 2 ? parts[2].strip() : "untyped";
        } else if (parts[0].equals("HELP")) {
            families.computeIfAbsent(parts[1], k -> new FamilyBuilder()).help =
                    parts.length > 2 ? unescapeHelp(parts[2]) : "";
        }
    }

    private static FamilyBuilder familyFor(String sampleName, Map<String, FamilyBuilder> families) {
        FamilyBuilder exact = families.get(sampleName);
        if (exact != null) {
            return exact;
        }
        for (String suffix : FAMILY_SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                FamilyBuilder base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && !base.type.equals("untyped") && !base.type.equals("gauge")) {
                    return base;
                }
            }
        }
        return families.computeIfAbsent(sampleName, k -> new FamilyBuilder());
    }

    static Sample parseSample(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        Map<String, String> labels = new TreeMap<>();
        if (i < n && line.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(line, i);
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated label set");
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("label without '='");
                }
                String labelName = line.substring(i, eq).strip();
                i = skipSpaces(line, eq + 1);
                if (i >= n || line.charAt(i) != '"') {
                    throw new IllegalArgumentException("label value of " + labelName + " is not quoted");
                }
                i++;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated label value of " + labelName);
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && i < n) {
                        char e = line.charAt(i++);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(labelName, value.toString()) != null) {
                    throw new IllegalArgumentException("duplicate label " + labelName);
                }
                i = skipSpaces(line, i);
                if (i < n && line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        String rest = line.substring(i).strip();
        int exemplar = rest.indexOf(" # ");
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).strip();
        }
        String[] fields = rest.split("[ \t]+");
        if (fields.length < 1 || fields[0].isEmpty() || fields.length > 2) {
            throw new IllegalArgumentException("expected a value and an optional timestamp");
        }
        double value = parseValue(fields[0]);
        Long ts = null;
        if (fields.length == 2) {
            ts = fields[1].contains(".") ? (long) (Double.parseDouble(fields[1]) * 1000) : Long.parseLong(fields[1]);
        }
        return new Sample(name, labels, value, ts);
    }

    private static double parseValue(String s) {
        switch (s) {
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String unescapeHelp(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(e == 'n' ? '\n' : e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
