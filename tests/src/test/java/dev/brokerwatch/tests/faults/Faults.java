package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.brokerwatch.harness.ClusterNode;
import dev.brokerwatch.harness.Workload;

import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.proof.AlertProofRig;

/** Shared steps of the fault scenarios. */
final class Faults {
    private Faults() {}

    /**
     * Before a fault: waits (bounded) until none of the named alerts (none named: no alert at all) has been
     * pending or firing for 30 s in a row, so every timing starts clean (right after Prometheus starts, range
     * rules have too little history to fire yet). Scenarios settle on the alerts their fault expects: that
     * nothing fires on a healthy cluster is HealthyClusterIT's claim, and waiting for every alert would wait
     * out the aftermath of a scenario's own set-up (the leader changes of new topics stay in
     * KafkaLeaderElectionsFrequent's window for minutes; one slow first produce request in a small p99 sample).
     */
    static void settle(AlertProofRig rig, String... alertNames) {
        dev.brokerwatch.harness.proof.Preload.packageOf(Faults.class);
        long started = System.nanoTime();
        long[] quietSince = {0};
        List<String> names = List.of(alertNames);
        String what = names.isEmpty() ? "no alert" : "none of " + names;
        rig.prometheus().await(what + " pending or firing for 30 s before the fault", Duration.ofMinutes(5),
                rig::alerts, all -> {
                    long now = System.nanoTime();
                    var alerts = names.isEmpty() ? all
                            : all.stream().filter(a -> names.contains(a.labels().get("alertname"))).toList();
                    if (!alerts.isEmpty()) {
                        quietSince[0] = 0;
                        return false;
                    }
                    if (quietSince[0] == 0) {
                        quietSince[0] = now;
                    }
                    return now - quietSince[0] >= Duration.ofSeconds(30).toNanos();
                });
        rig.phase("-", "settle", started);
    }

    /** {@link #settle(AlertProofRig, String...)} on the alerts the faults expect. */
    static void settleBefore(AlertProofRig rig, AlertProofRig.Fault... faults) {
        settle(rig, Arrays.stream(faults).flatMap(f -> f.alertNames().stream()).distinct()
                .toArray(String[]::new));
    }

    /** Prints the active alerts (for the test's output). */
    static void trace(AlertProofRig rig, String when) {
        List<PrometheusServer.Alert> alerts = rig.alerts();
        System.out.println("[" + rig.cluster().name() + "] " + when + ": "
                + alerts.stream().map(a -> a.name() + "(" + a.state() + ")").toList());
    }

    /** Creates a topic with an explicit replica assignment (partition → broker ids, the first one leads). */
    static void createAssignedTopic(Workload w, String topic, Map<Integer, List<Integer>> assignment,
            Map<String, String> configs) {
        try {
            w.admin().createTopics(List.of(new NewTopic(topic, assignment).configs(configs))).all()
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    /** A progress line at most every {@code period}, for a fault's wait loop. */
    static Runnable every(Duration period, Runnable action) {
        long[] next = {System.nanoTime()};
        return () -> {
            if (System.nanoTime() > next[0]) {
                action.run();
                next[0] = System.nanoTime() + period.toNanos();
            }
        };
    }

    /** What {@code query} returns now, as {@code name{labels}=value} items, for progress lines and evidence. */
    static List<String> values(AlertProofRig rig, String query) {
        return rig.prometheus().query(query).stream()
                .map(s -> s.labels().getOrDefault("__name__", "") + s.labels() + "=" + s.value()).toList();
    }

    static void sleep(Duration d) {
        ClusterNode.sleep(d.toMillis());
    }

    /** The node the survivors' raft-metrics name as quorum leader (current-leader, scraped by Prometheus). */
    static int quorumLeader(AlertProofRig rig) {
        List<PrometheusServer.VectorSample> r = rig.prometheus().awaitQuery(
                "max(kafka_server_raftmetrics_current_leader) >= 0 and min(kafka_server_raftmetrics_current_leader) "
                        + "== max(kafka_server_raftmetrics_current_leader)",
                s -> s.size() == 1, Duration.ofMinutes(2));
        return (int) r.get(0).value();
    }

    /**
     * Stops every controller but {@code survivor} (short grace: without a quorum a node cannot finish a
     * controlled shutdown) and returns their ids. Which node survives decides what the survivor reports: a
     * voter whose leader died keeps reporting that leader's id as current-leader on Kafka 4.x (KIP-996 pre-vote:
     * it moves between Follower and Prospective states, both keeping the leader), so
     * KafkaMetadataQuorumLeaderUnknown fires only when the survivor is the leader that lost its majority (it
     * resigns and knows no leader); KafkaMetadataLogStalled fires in both cases.
     */
    static List<Integer> stopAllControllersBut(AlertProofRig rig, int survivor) {
        List<Integer> stopped = rig.cluster().controllerIds().stream().filter(id -> id != survivor).toList();
        stopped.forEach(id -> rig.cluster().stopNode(id, Duration.ofSeconds(5)));
        return stopped;
    }

    /** The highest KRaft epoch any node reports. */
    static double quorumEpoch(AlertProofRig rig) {
        return rig.prometheus().awaitQuery("max(kafka_server_raftmetrics_current_epoch)", s -> s.size() == 1,
                Duration.ofMinutes(1)).get(0).value();
    }

    /** Waits until a node reports an epoch above {@code epoch} (a leader was elected since) and the nodes agree on a leader. */
    static void awaitQuorumEpochAbove(AlertProofRig rig, double epoch) {
        rig.prometheus().awaitQuery("max(kafka_server_raftmetrics_current_epoch) > " + (long) epoch,
                s -> s.size() == 1, Duration.ofMinutes(2));
        quorumLeader(rig);
    }
}
