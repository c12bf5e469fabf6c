package dev.brokerwatch.harness.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.harness.AlertmanagerServer;
import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.WebhookReceiver;
import dev.brokerwatch.harness.WebhookReceiver.Notification;

/**
 * The delivery side of the live proof: a real Alertmanager loaded with the pack's compiled
 * {@code alertmanager/alertmanager.yml}, every receiver posting to a {@link WebhookReceiver} in the test JVM.
 *
 * <p>Faults that overlap in time form one <em>episode</em> (from the first injection until the last of them has
 * resolved). Per episode the proof asserts what on-call people are promised: every alert that fired was either
 * notified or held back by an inhibition before the repair; at most one notification group reached the paging
 * receiver; and every group notified was notified resolved after the repair. Groups already notified firing before the episode began (the aftermath of a scenario's set-up) are
 * reported apart and not counted.
 */
public final class AlertDeliveryProof implements AutoCloseable {
    public static final String PAGE_RECEIVER = "page";
    private static final Duration POLL = Duration.ofMillis(500);

    private final AlertmanagerServer alertmanager;
    private final WebhookReceiver webhook;
    private final Duration groupWait;
    private final Duration groupInterval;

    private AlertDeliveryProof(AlertmanagerServer alertmanager, WebhookReceiver webhook, Duration groupWait,
            Duration groupInterval) {
        this.alertmanager = alertmanager;
        this.webhook = webhook;
        this.groupWait = groupWait;
        this.groupInterval = groupInterval;
    }

    /** Starts the webhook receiver and Alertmanager on the pack's fragment; null when the pack has none. */
    public static AlertDeliveryProof start(String testName, CompiledPack pack) {
        Path fragment = pack.outDir().resolve("alertmanager").resolve("alertmanager.yml");
        if (!Files.isRegularFile(fragment)) {
            return null;
        }
        WebhookReceiver webhook = WebhookReceiver.start();
        try {
            AlertmanagerServer am = AlertmanagerServer.start(testName, fragment, webhook::url);
            Map<?, ?> route = route(fragment);
            // Alertmanager's own defaults where the compiled route leaves them out
            return new AlertDeliveryProof(am, webhook, duration(route.get("group_wait"), Duration.ofSeconds(30)),
                    duration(route.get("group_interval"), Duration.ofMinutes(5)));
        } catch (RuntimeException | Error e) {
            webhook.close();
            throw e;
        }
    }

    /** How a fired alert reached the receivers: {@code NOTIFIED + receiver}, or "inhibited". */
    public static final String NOTIFIED = "notified to ";
    /** Appended to a notified alert that its cause inhibits by the time every alert is accounted for. */
    public static final String SENT_BEFORE_ITS_CAUSE = ", sent before the alert that inhibits it fired";

    public AlertmanagerServer alertmanager() {
        return alertmanager;
    }

    public List<Notification> notifications() {
        return webhook.notifications();
    }

    /**
     * Waits (bounded) until each of {@code fired} has been sent in a firing notification since {@code since} or is
     * held back by an inhibition in Alertmanager; returns, per alert, how ("notified to page", "inhibited").
     */
    public Map<String, String> awaitDeliveredOrInhibited(String scenario, Collection<PrometheusServer.Alert> fired,
            long since) {
        Duration timeout = groupWait.plus(Duration.ofSeconds(60));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> outcome = new LinkedHashMap<>();
        long wanted = fired.stream().map(a -> key(a.labels())).distinct().count();
        while (true) {
            List<Notification> sent = webhook.since(since);
            JsonNode held = alertmanager.alerts();
            for (PrometheusServer.Alert a : fired) {
                String key = key(a.labels());
                if (outcome.containsKey(key)) {
                    continue;
                }
                for (Notification n : sent) {
                    if (n.alerts().stream().anyMatch(x -> x.isFiring() && x.labels().equals(a.labels()))) {
                        outcome.put(key, NOTIFIED + n.receiver());
                        break;
                    }
                }
                if (!outcome.containsKey(key) && inhibited(held, a.labels())) {
                    outcome.put(key, "inhibited");
                }
            }
            if (outcome.size() == wanted) {
                // a symptom sent before its cause fired is inhibited only from then on: the notification is out
                for (PrometheusServer.Alert a : fired) {
                    String key = key(a.labels());
                    if (outcome.get(key).startsWith(NOTIFIED) && inhibited(held, a.labels())) {
                        outcome.put(key, outcome.get(key) + SENT_BEFORE_ITS_CAUSE);
                    }
                }
                return outcome;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("scenario " + scenario + ": within " + timeout + " of firing, these alerts were "
                        + "neither notified nor inhibited: " + fired.stream().map(a -> key(a.labels()))
                                .filter(k -> !outcome.containsKey(k)).distinct().toList()
                        + "\nnotifications since the fault: " + describe(webhook.since(since))
                        + "\nAlertmanager /api/v2/alerts: " + held);
            }
            AlertProofRig.sleep(POLL);
        }
    }

    /**
     * Ends an episode begun at {@code start}: with {@code resolved}, waits (bounded) until every alert notified firing
     * in it has been notified resolved or still fires. Alerts are followed one by one, not by group: a group of the
     * cluster can hold a symptom that outlives the fault's own alerts (leadership still moving back after a hang, an
     * unclean election counted over a fixed window); those still firing when the fault's own alerts have resolved are
     * listed as outstanding, and every alert that stopped firing must have been notified resolved. Returns the
     * episode's account; {@link Episode#verdict(int)} says what is wrong, if anything.
     */
    public Episode close(String scenario, long start, boolean resolved) {
        long deadline = System.nanoTime() + groupInterval.plus(Duration.ofSeconds(60)).toNanos();
        while (true) {
            Set<String> active = resolved ? active() : Set.of();
            Episode e = account(scenario, start, resolved, active);
            if (!resolved || e.unresolved().isEmpty() || System.nanoTime() > deadline) {
                return e;
            }
            AlertProofRig.sleep(POLL);
        }
    }

    /** The alerts Alertmanager holds as firing (Prometheus keeps sending them), as {@link #key} strings. */
    private Set<String> active() {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode a : alertmanager.alerts()) {
            if (!"unprocessed".equals(a.path("status").path("state").asText())) {
                keys.add(key(labels(a)));
            }
        }
        return keys;
    }

    private Episode account(String scenario, long start, boolean resolved, Set<String> active) {
        // what each alert's last notification said before the episode: those still firing are not the episode's
        Map<String, String> lastBefore = new LinkedHashMap<>();
        for (Notification n : webhook.notifications()) {
            if (n.receivedAt() - start < 0) {
                n.alerts().forEach(a -> lastBefore.put(key(a.labels()), a.status()));
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Group> earlier = new LinkedHashMap<>();
        Map<String, String> last = new LinkedHashMap<>();
        for (Notification n : webhook.since(start)) {
            for (WebhookReceiver.NotifiedAlert a : n.alerts()) {
                String key = key(a.labels());
                boolean old = "firing".equals(lastBefore.get(key));
                Map<String, Group> into = old ? earlier : groups;
                Group g = into.computeIfAbsent(n.groupKey(), k -> new Group(n.receiver(), n.groupLabels(),
                        new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>()));
                if (a.isFiring()) {
                    g.alerts().add(a.name());
                    String severity = a.labels().get("severity");
                    if (severity != null) {
                        g.severities().add(severity);
                    }
                }
                if (into == groups) {
                    last.put(key, a.status());
                }
            }
            Group g = groups.get(n.groupKey());
            if (g != null) {
                g.statuses().add(n.status());
            }
        }
        groups.values().removeIf(g -> g.alerts().isEmpty()); // only the resolution of something notified earlier
        List<String> unresolved = new ArrayList<>();
        List<String> outstanding = new ArrayList<>();
        if (resolved) {
            last.forEach((key, status) -> {
                if (!"resolved".equals(status)) {
                    (active.contains(key) ? outstanding : unresolved).add(key);
                }
            });
        }
        return new Episode(scenario, List.copyOf(groups.values()), List.copyOf(earlier.values()), unresolved,
                outstanding, resolved);
    }

    private static boolean inhibited(JsonNode held, Map<String, String> labels) {
        Map<String, String> wanted = new TreeMap<>(labels);
        for (JsonNode a : held) {
            if (labels(a).equals(wanted) && a.path("status").path("inhibitedBy").size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The labels of one alert of Alertmanager's /api/v2/alerts, sorted. */
    private static Map<String, String> labels(JsonNode alert) {
        Map<String, String> l = new TreeMap<>();
        alert.path("labels").fields().forEachRemaining(e -> l.put(e.getKey(), e.getValue().asText()));
        return l;
    }

    static String key(Map<String, String> labels) {
        return labels.getOrDefault("alertname", "?") + new TreeMap<>(labels);
    }

    static String describe(List<Notification> ns) {
        return ns.stream().map(n -> n.receiver() + ":" + n.status() + n.groupLabels() + n.firingAlertNames())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A Prometheus duration ({@code 1m30s}); {@code fallback} when absent or not one. */
    /** The top-level route of a compiled Alertmanager fragment (empty when there is none). */
    private static Map<?, ?> route(Path fragment) {
        try (var in = Files.newInputStream(fragment)) {
            Object config = new org.yaml.snakeyaml.Yaml().load(in);
            return config instanceof Map<?, ?> m && m.get("route") instanceof Map<?, ?> r ? r : Map.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + fragment, e);
        }
    }

    static Duration duration(Object promDuration, Duration fallback) {
        long millis = promDuration == null ? -1 : Durations.parseMillis(promDuration.toString());
        return millis < 0 ? fallback : Duration.ofMillis(millis);
    }

    /** Stops Alertmanager by its pid, then the webhook receiver. */
    @Override
    public void close() {
        try {
            alertmanager.close();
        } finally {
            webhook.close();
        }
    }

    /** One notification group of an episode: where it went, the alerts it reported firing, its statuses in order. */
    public record Group(String receiver, Map<String, String> groupLabels, Set<String> alerts, Set<String> severities,
            List<String> statuses) {
        String describe() {
            return receiver + " " + groupLabels + " " + alerts + " " + statuses;
        }
    }

    /** What one episode delivered. */
    public record Episode(String scenario, List<Group> groups, List<Group> notifiedBefore, List<String> unresolved,
            List<String> outstanding, boolean awaitedResolution) {
        public long pages() {
            return groups.stream().filter(g -> PAGE_RECEIVER.equals(g.receiver())).count();
        }

        /** Null when the episode of {@code faults} faults kept its promises, else what broke them. */
        public String verdict(int faults) {
            List<String> problems = new ArrayList<>();
            if (pages() > 1) {
                problems.add(pages() + " notification groups paged for one fault");
            }
            if (!unresolved.isEmpty()) {
                problems.add("not notified resolved after the repair: " + unresolved);
            }
            if (groups.size() > faults) {
                problems.add(groups.size() + " notification groups for " + faults + " fault(s) (the promise is one per"
                        + " fault: its cause, at its highest severity, with its symptoms held back)");
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        @Override
        public String toString() {
            return "groups " + groups.stream().map(Group::describe).toList()
                    + (outstanding.isEmpty() ? "" : ", still firing after the repair " + outstanding)
                    + (notifiedBefore.isEmpty() ? "" : ", already notified before the fault "
                            + notifiedBefore.stream().map(Group::describe).toList());
        }
    }
}
