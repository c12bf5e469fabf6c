package dev.brokerwatch.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.tests.harness.KafkaVersion;
import dev.brokerwatch.tests.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.tests.harness.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The traffic the MBean inventories are recorded after, so that the per-topic, per-partition, per-listener,
 * per-request, transaction and consumer-group metrics exist: what the shipped inventories show, and what a live
 * broker compared with them must have seen too.
 */
final class RecordingWorkload {
    private RecordingWorkload() {
    }

    /** Produce and consume with a classic and (4.0+) a new-protocol group, a transactional producer, admin requests. */
    static void drive(LocalJvmKafkaCluster cluster) throws Exception {
        KafkaVersion version = cluster.version();
        try (Workload workload = cluster.workload()) {
            workload.createTopic("orders", 3, 1);
            workload.createTopic("payments", 2, 1);
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
        Thread.sleep(6_000); // gauges and rates registered on a timer exist after their first tick
    }

}
