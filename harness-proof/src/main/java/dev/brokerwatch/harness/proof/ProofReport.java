package dev.brokerwatch.harness.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.brokerwatch.harness.HarnessPaths;

/**
 * The live proof's report: {@code tests/target/alert-proof.json} and {@code tests/target/alert-proof.md}.
 *
 * <p>Every proven alert is a row file under {@code tests/target/proof/rows/} (so several test JVMs of one
 * run, e.g. one per Kafka version, add up); {@link #write(CompiledPack)} merges them with the
 * {@link NotProvokable} alerts and the promtool tests covering those. The rows of earlier runs are wiped by
 * the first row a JVM records unless {@code -Dbrokerwatch.proof.append=true}.
 */
public final class ProofReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static boolean wiped;

    private ProofReport() {}

    /** One alert that fired live. Times in seconds, one decimal; resolvedAfter null if not awaited. */
    public record Row(String alert, String scenario, String backend, String kafka, String topology, String agent,
            double firedAfterSeconds, Double resolvedAfterSeconds, Map<String, String> labels) {}

    /**
     * What Alertmanager delivered for one episode (faults overlapping in time): per alert that fired, whether it
     * was notified (to which receiver) or inhibited, and the notification groups.
     */
    public record EpisodeRow(String scenario, String backend, String kafka, String topology, String agent,
            Map<String, String> outcomes, AlertDeliveryProof.Episode episode) {}

    public static Path rowsDir() {
        return HarnessPaths.targetDir().resolve("proof").resolve("rows");
    }

    public static Path jsonFile() {
        return HarnessPaths.targetDir().resolve("alert-proof.json");
    }

    public static Path markdownFile() {
        return HarnessPaths.targetDir().resolve("alert-proof.md");
    }

    public static synchronized void record(Row row) {
        try {
            if (!wiped && !Boolean.getBoolean("brokerwatch.proof.append")) {
                HarnessPaths.freshDir(rowsDir());
            }
            wiped = true;
            Files.createDirectories(rowsDir());
            String file = String.join("__", row.scenario(), row.backend(), row.kafka(), row.topology(), row.alert())
                    .replaceAll("[^A-Za-z0-9_.+-]", "_") + ".json";
            ObjectNode o = toJson(row);
            o.put("recorded_at", Instant.now().toString());
            Files.writeString(rowsDir().resolve(file), JSON.writeValueAsString(o), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void recordEpisode(EpisodeRow row) {
        try {
            if (!wiped && !Boolean.getBoolean("brokerwatch.proof.append")) {
                HarnessPaths.freshDir(rowsDir());
            }
            wiped = true;
            Path dir = rowsDir().resolve("notifications");
            Files.createDirectories(dir);
            String file = String.join("__", row.scenario(), row.backend(), row.kafka(), row.topology())
                    .replaceAll("[^A-Za-z0-9_.+-]", "_") + ".json";
            ObjectNode o = JSON.createObjectNode();
            o.put("scenario", row.scenario());
            o.put("backend", row.backend());
            o.put("kafka", row.kafka());
            o.put("topology", row.topology());
            o.put("agent", row.agent());
            ObjectNode fired = o.putObject("alerts_fired");
            new TreeMap<>(row.outcomes()).forEach(fired::put);
            o.put("notification_groups", row.episode().groups().size());
            o.put("pages", row.episode().pages());
            o.set("notifications", groups(row.episode().groups()));
            if (!row.episode().notifiedBefore().isEmpty()) {
                o.set("notified_before_the_fault", groups(row.episode().notifiedBefore()));
            }
            o.put("resolution_awaited", row.episode().awaitedResolution());
            // symptoms with windows longer than the repair (leadership moving back, an unclean election counted
            // over 10m): still firing when the fault's own alerts had resolved
            ArrayNode outstanding = o.putArray("still_firing_after_the_repair");
            row.episode().outstanding().forEach(outstanding::add);
            Files.writeString(dir.resolve(file), JSON.writeValueAsString(o), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode groups(List<AlertDeliveryProof.Group> groups) {
        ArrayNode out = JSON.createArrayNode();
        for (AlertDeliveryProof.Group g : groups) {
            ObjectNode n = out.addObject();
            n.put("receiver", g.receiver());
            ObjectNode labels = n.putObject("group_labels");
            new TreeMap<>(g.groupLabels()).forEach(labels::put);
            g.severities().forEach(n.putArray("severities")::add);
            ArrayNode alerts = n.putArray("alerts");
            g.alerts().forEach(alerts::add);
            ArrayNode statuses = n.putArray("statuses");
            g.statuses().forEach(statuses::add);
        }
        return out;
    }

    /** All recorded episodes (sorted by scenario, backend, Kafka version, topology). */
    public static List<JsonNode> episodes() {
        Path dir = rowsDir().resolve("notifications");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readTree(p.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ObjectNode toJson(Row r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("alert", r.alert());
        o.put("scenario", r.scenario());
        o.put("backend", r.backend());
        o.put("kafka", r.kafka());
        o.put("topology", r.topology());
        o.put("agent", r.agent());
        o.put("fired_after_s", r.firedAfterSeconds());
        if (r.resolvedAfterSeconds() == null) {
            o.putNull("resolved_after_s");
        } else {
            o.put("resolved_after_s", r.resolvedAfterSeconds());
        }
        ObjectNode labels = o.putObject("labels");
        new TreeMap<>(r.labels()).forEach(labels::put);
        return o;
    }

    /** All recorded rows (sorted by alert, then scenario, backend, Kafka version, topology). */
    public static List<JsonNode> rows() {
        if (!Files.isDirectory(rowsDir())) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(rowsDir())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                ObjectNode o = (ObjectNode) JSON.readTree(p.toFile());
                o.remove("recorded_at");
                out.add(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing((JsonNode n) -> n.path("alert").asText())
                .thenComparing(n -> n.path("scenario").asText())
                .thenComparing(n -> n.path("backend").asText())
                .thenComparing(n -> n.path("kafka").asText())
                .thenComparing(n -> n.path("topology").asText()));
        return out;
    }

    /** Writes alert-proof.json and alert-proof.md from the rows recorded so far and the pack's alert list. */
    public static synchronized void write(CompiledPack pack) {
        List<JsonNode> rows = rows();
        Map<String, List<JsonNode>> byAlert = rows.stream()
                .collect(Collectors.groupingBy(n -> n.path("alert").asText(), TreeMap::new, Collectors.toList()));
        ArrayNode json = JSON.createArrayNode();
        List<String[]> notProvokable = new ArrayList<>();
        List<String> notProven = new ArrayList<>();
        for (String alert : pack.alerts().keySet()) {
            List<JsonNode> fired = byAlert.getOrDefault(alert, List.of());
            fired.forEach(json::add);
            String reason = NotProvokable.reasons().get(alert);
            if (reason != null) {
                ObjectNode o = json.addObject();
                o.put("alert", alert);
                o.put("not_provokable", reason);
                ArrayNode tests = o.putArray("promtool_tests");
                pack.promtoolTests(alert).forEach(tests::add);
                notProvokable.add(new String[] {alert, reason, String.join("; ", pack.promtoolTests(alert))});
            } else if (fired.isEmpty()) {
                ObjectNode o = json.addObject();
                o.put("alert", alert);
                o.put("not_proven", NotProvokable.notProvenHere().getOrDefault(alert,
                        "no scenario of this run made it fire (tests/live-proof.sh runs the full matrix)"));
                notProven.add(alert);
            }
        }
        ObjectNode report = JSON.createObjectNode();
        report.set("alerts", json);
        ArrayNode scenarios = report.putArray("notifications");
        episodes().forEach(scenarios::add);
        try {
            Files.writeString(jsonFile(), JSON.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
            Files.writeString(markdownFile(), markdown(pack, byAlert, notProvokable, notProven), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(CompiledPack pack, Map<String, List<JsonNode>> byAlert,
            List<String[]> notProvokable, List<String> notProven) {
        StringBuilder md = new StringBuilder();
        md.append("# brokerwatch live alert proof\n\n");
        long provenAlerts = byAlert.keySet().stream().filter(pack.alerts()::containsKey).count();
        md.append(provenAlerts).append(" of ").append(pack.alerts().size())
                .append(" curated alerts fired on live KRaft brokers under a real fault; ")
                .append(notProvokable.size()).append(" cannot be provoked on one machine (below, with the promtool "
                        + "tests that cover them)");
        if (!notProven.isEmpty()) {
            md.append("; not proven in this run: ").append(String.join(", ", notProven));
        }
        md.append(".\n\nRules compiled from `alerts/kafka.bw` with `brokerwatch compile");
        pack.params().forEach((k, v) -> md.append(" --set ").append(k).append('=').append(v));
        md.append("`. Times: from the fault (or the repair) to the first poll of Prometheus's `/api/v1/alerts` "
                + "that shows the alert firing (or gone); polled every 0.5 s, scrape and evaluation every "
                + ProofParams.SCRAPE_INTERVAL.toSeconds() + " s.\n\n");
        md.append("| alert | scenario | backend | Kafka | topology | agent | fired after (s) | resolved after (s) | labels |\n");
        md.append("|---|---|---|---|---|---|---:|---:|---|\n");
        byAlert.forEach((alert, list) -> {
            for (JsonNode r : list) {
                Map<String, String> labels = new LinkedHashMap<>();
                r.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                labels.remove("alertname");
                md.append("| ").append(alert)
                        .append(" | ").append(r.path("scenario").asText())
                        .append(" | ").append(r.path("backend").asText())
                        .append(" | ").append(r.path("kafka").asText())
                        .append(" | ").append(r.path("topology").asText())
                        .append(" | ").append(r.path("agent").asText())
                        .append(" | ").append(r.path("fired_after_s").asText())
                        .append(" | ").append(r.path("resolved_after_s").isNull() ? "—" : r.path("resolved_after_s").asText())
                        .append(" | ").append(labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        });
        List<JsonNode> episodes = episodes();
        if (!episodes.isEmpty()) {
            md.append("\n## Alerts fired vs notifications delivered\n\n")
                    .append("A real Alertmanager loaded with the compiled `alertmanager/alertmanager.yml` (receivers given a "
                            + "webhook in the test). Per fault (faults overlapping in time count as one): the alerts that fired "
                            + "and whether each was notified or held back by an inhibition, the notification groups delivered "
                            + "and how many paged.\n\n")
                    .append("| scenario | backend | Kafka | topology | alerts fired | notification groups | pages | delivered |\n")
                    .append("|---|---|---|---|---:|---:|---:|---|\n");
            for (JsonNode e : episodes) {
                List<String> delivered = new ArrayList<>();
                for (JsonNode g : e.path("notifications")) {
                    List<String> alerts = new ArrayList<>();
                    g.path("alerts").forEach(a -> alerts.add(a.asText()));
                    delivered.add(g.path("receiver").asText() + ": " + String.join(", ", alerts));
                }
                List<String> inhibited = new ArrayList<>();
                e.path("alerts_fired").fields().forEachRemaining(f -> {
                    if ("inhibited".equals(f.getValue().asText())) {
                        inhibited.add(f.getKey().replaceAll("\\{.*", ""));
                    }
                });
                md.append("| ").append(e.path("scenario").asText())
                        .append(" | ").append(e.path("backend").asText())
                        .append(" | ").append(e.path("kafka").asText())
                        .append(" | ").append(e.path("topology").asText())
                        .append(" | ").append(e.path("alerts_fired").size())
                        .append(" | ").append(e.path("notification_groups").asInt())
                        .append(" | ").append(e.path("pages").asInt())
                        .append(" | ").append(String.join("; ", delivered))
                        .append(inhibited.isEmpty() ? "" : " (inhibited: " + String.join(", ", inhibited.stream().distinct().toList()) + ")")
                        .append(stillFiring(e))
                        .append(" |\n");
            }
        }
        if (!notProven.isEmpty()) {
            md.append("\n## Not proven in this run\n\n| alert | why |\n|---|---|\n");
            for (String a : notProven) {
                md.append("| ").append(a).append(" | ").append(NotProvokable.notProvenHere().getOrDefault(a,
                        "no scenario of this run made it fire")).append(" |\n");
            }
        }
        md.append("\n## Not provokable on one machine\n\n| alert | why | covered by promtool tests |\n|---|---|---|\n");
        for (String[] n : notProvokable) {
            md.append("| ").append(n[0]).append(" | ").append(n[1]).append(" | ").append(n[2]).append(" |\n");
        }
        return md.toString();
    }

    private static String stillFiring(JsonNode episode) {
        List<String> names = new ArrayList<>();
        episode.path("still_firing_after_the_repair").forEach(a -> names.add(a.asText().replaceAll("\\{.*", "")));
        return names.isEmpty() ? "" : " (still firing after the repair: " + String.join(", ", names.stream().distinct().toList()) + ")";
    }
}
