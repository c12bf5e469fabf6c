package dev.brokerwatch.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.Workload;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * The traffic the MBean inventories are recorded after, so that the per-topic, per-partition, per-listener,
 * per-request, transaction and consumer-group metrics exist: what the shipped inventories show, and what a live
 * broker compared with them must have seen too. Topics are replicated to every broker (up to three), so that the
 * recorded broker follows partitions and has replica-fetcher MBeans; a produce and a fetch request of one topic
 * fail, so that the topic's failed-request meters exist; a batch too large for its topic and a batch the broker
 * recompresses make the topic's rejected-bytes and conversion meters exist (Kafka registers a topic's meters on
 * first use, the broker total at start); and a
 * TLS connection to the recorded broker's TLS listener stays open while it is recorded, so that the
 * connection counts by cipher and protocol exist.
 */
final class RecordingWorkload {
    private RecordingWorkload() {
    }

    /** The name of the TLS listener the recorded broker gets. */
    static final String TLS_LISTENER = "TLS";
    static final int TLS_KEY_BITS = 2048;

    /** The TLS listener on nodes 1 to {@code nodes}, for a cluster whose recorded node is known only once it runs. */
    static LocalJvmKafkaCluster.Builder tlsOnNodes(LocalJvmKafkaCluster.Builder builder, int nodes) {
        for (int id = 1; id <= nodes; id++) {
            builder.tlsListener(id, TLS_LISTENER, TLS_KEY_BITS);
        }
        return builder;
    }

    /**
     * Produce and consume with a classic and (4.0+) a new-protocol group, a transactional producer, admin requests,
     * failed produce requests led by {@code recorded}; then a TLS connection to {@code recorded}'s TLS listener,
     * which stays open until the returned handle is closed.
     */
    static AutoCloseable drive(LocalJvmKafkaCluster cluster, int recorded) throws Exception {
        KafkaVersion version = cluster.version();
        int replicas = Math.min(3, cluster.brokerIds().size());
        try (Workload workload = cluster.workload()) {
            workload.createTopic("orders", 3, replicas);
            workload.createTopic("payments", 2, replicas);
            failRequests(workload, cluster, recorded, replicas);
            rejectAndConvert(workload, cluster, recorded, replicas);
            workload.produce("orders", 600, 100);
            workload.produce("payments", 200, 100);
            assertThat(workload.consume("orders", "orders-classic", 600, Duration.ofSeconds(60))).as("classic group read").isEqualTo(600);
            if (version.isAtLeast(4, 0)) {
                Properties p = workload.consumerProperties("orders-consumer-protocol");
                p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
                p.put(ConsumerConfig.CLIENT_ID_CONFIG, "brokerwatch-new-protocol-consumer");
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
                    consumer.subscribe(List.of("orders"));
                    long read = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (read < 600 && System.nanoTime() < deadline) {
                        read += consumer.poll(Duration.ofMillis(500)).count();
                    }
                    consumer.commitSync(Duration.ofSeconds(10));
                    assertThat(read).as("new-protocol group read").isEqualTo(600);
                }
            }
            Properties tx = workload.producerProperties();
            tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "brokerwatch-inventory-tx");
            tx.put(ProducerConfig.CLIENT_ID_CONFIG, "brokerwatch-transactional-producer");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(tx)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("payments", "k".getBytes(), "committed".getBytes()));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("payments", "k".getBytes(), "aborted".getBytes()));
                producer.abortTransaction();
            }
            try (Admin admin = cluster.admin()) {
                admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
                admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
                admin.describeTopics(List.of("orders", "payments")).allTopicNames().get(30, TimeUnit.SECONDS);
                admin.listOffsets(Map.of()).all().get(30, TimeUnit.SECONDS);
            }
        }
        SSLSocket tls = (SSLSocket) cluster.tlsListener(recorded, TLS_LISTENER).clientContext().getSocketFactory()
                .createSocket("127.0.0.1", cluster.tlsListener(recorded, TLS_LISTENER).port());
        tls.startHandshake();
        Thread.sleep(6_000); // gauges and rates registered on a timer exist after their first tick
        return tls::close;
    }

    /**
     * A compacted topic led by {@code recorded}: a record without a key fails the broker's validation, and Kafka
     * counts the failed produce request in the topic's FailedProduceRequestsPerSec (the record only in the broker's
     * NoKeyCompactedTopicRecordsPerSec: the log validator counts for all topics); then one fetch from it that Kafka counts in the topic's
     * FailedFetchRequestsPerSec ({@link FailingFetchRequest}).
     */
    private static void failRequests(Workload workload, LocalJvmKafkaCluster cluster, int recorded, int replicas)
            throws Exception {
        createLedBy(workload, cluster, recorded, replicas, "compacted-orders", Map.of("cleanup.policy", "compact"));
        // a record to fetch (the log read of an empty partition ends before it looks at the size asked for),
        // retried while the new partition's leader is still being elected
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(workload.producerProperties())) {
            producer.send(new ProducerRecord<>("compacted-orders", "k".getBytes(), "keyed".getBytes())).get(60, TimeUnit.SECONDS);
        }
        Properties p = workload.producerProperties();
        p.put(ProducerConfig.RETRIES_CONFIG, "0");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            Throwable failure = null;
            try {
                producer.send(new ProducerRecord<>("compacted-orders", null, "no key".getBytes())).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("a record without a key, produced to a compacted topic")
                    .isInstanceOf(InvalidRecordException.class);
        }
        String[] hostPort = cluster.node(recorded).bootstrapServers().split(":");
        FailingFetchRequest.send(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
                new TopicPartition("compacted-orders", 0));
    }

    /**
     * Two topics led by {@code recorded}: a 4 KiB record to one whose max.message.bytes is 1 KiB is rejected, which
     * Kafka counts in the topic's BytesRejectedPerSec; an uncompressed record to one whose compression.type is gzip
     * is recompressed by the broker, which Kafka counts in the topic's ProduceMessageConversionsPerSec.
     */
    private static void rejectAndConvert(Workload workload, LocalJvmKafkaCluster cluster, int recorded, int replicas)
            throws Exception {
        createLedBy(workload, cluster, recorded, replicas, "small-messages", Map.of("max.message.bytes", "1024"));
        createLedBy(workload, cluster, recorded, replicas, "gzip-orders", Map.of("compression.type", "gzip"));
        Properties p = workload.producerProperties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.RETRIES_CONFIG, "0");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            // a producer without retries cannot wait out the new partitions' leader elections itself
            waitForLeader(producer, "small-messages");
            Throwable failure = null;
            try {
                producer.send(new ProducerRecord<>("small-messages", "k".getBytes(), new byte[4096])).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("a 4 KiB record to a topic whose max.message.bytes is 1 KiB")
                    .isInstanceOf(RecordTooLargeException.class);
            waitForLeader(producer, "gzip-orders");
            producer.send(new ProducerRecord<>("gzip-orders", "k".getBytes(), "recompressed".getBytes())).get(60, TimeUnit.SECONDS);
        }
    }

    private static void waitForLeader(KafkaProducer<byte[], byte[]> producer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (producer.partitionsFor(topic).stream().allMatch(info -> info.leader() != null && !info.leader().isEmpty())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("topic " + topic + " has no leader after 60 s");
    }

    /** A one-partition topic whose replicas are {@code recorded} (its preferred leader) and up to two other brokers. */
    private static void createLedBy(Workload workload, LocalJvmKafkaCluster cluster, int recorded, int replicas,
            String topic, Map<String, String> configs) throws Exception {
        List<Integer> assignment = new java.util.ArrayList<>(List.of(recorded));
        cluster.brokerIds().stream().filter(id -> id != recorded).limit(replicas - 1L).forEach(assignment::add);
        workload.admin().createTopics(List.of(new NewTopic(topic, Map.of(0, assignment)).configs(configs)))
                .all().get(60, TimeUnit.SECONDS);
    }
}
