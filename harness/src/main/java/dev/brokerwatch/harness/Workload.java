package dev.brokerwatch.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Traffic for a cluster, with the test JVM's kafka-clients: topics, a bounded number of records produced
 * and consumed by a consumer group (so per-topic {@code BrokerTopicMetrics}, per-partition
 * {@code kafka.log:type=Log} and {@code kafka.cluster:type=Partition} beans and group-coordinator
 * metrics exist), and a {@link ContinuousLoad} for load tests. Every call is bounded in time.
 */
public final class Workload implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Admin admin;

    public Workload(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "brokerwatch-workload-admin");
        this.admin = Admin.create(p);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return admin;
    }

    /** Creates a topic (no error if it exists) and waits until every partition has a leader. */
    public void createTopic(String topic, int partitions, int replicationFactor) {
        createTopic(topic, partitions, replicationFactor, Map.of());
    }

    public void createTopic(String topic, int partitions, int replicationFactor, Map<String, String> configs) {
        NewTopic t = new NewTopic(topic, partitions, (short) replicationFactor).configs(configs);
        try {
            admin.createTopics(List.of(t)).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw failed("create topic " + topic, e);
        }
        awaitLeaders(topic, partitions, CALL_TIMEOUT);
    }

    private void awaitLeaders(String topic, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(topic);
                if (d != null && d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
                last = String.valueOf(d);
            } catch (ExecutionException | TimeoutException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                throw failed("describe topic " + topic, e);
            }
            KafkaNode.sleep(200);
        }
        throw new IllegalStateException("topic " + topic + " has no leader for every partition after " + timeout
                + ": " + last);
    }

    public Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "brokerwatch-workload-producer");
        return p;
    }

    public Properties consumerProperties(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "brokerwatch-workload-consumer");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }

    /** Produces {@code count} records of {@code valueSize} bytes (acks=all) and waits for every ack. */
    public long produce(String topic, int count, int valueSize) {
        byte[] value = new byte[valueSize];
        Arrays.fill(value, (byte) 'x');
        Properties props = producerProperties();
        // one request in flight: right after a topic is created, a leader can still answer NOT_LEADER_OR_FOLLOWER to
        // the first batch while it appends the later ones, and the retried first batch is then out of sequence
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8), value)));
            }
            producer.flush();
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                long left = Math.max(1, deadline - System.nanoTime());
                ack.get(left, TimeUnit.NANOSECONDS);
            }
            return count;
        } catch (ExecutionException e) {
            throw new IllegalStateException("producing to " + topic + " failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw failed("produce to " + topic, e);
        }
    }

    /**
     * Consumes with consumer group {@code group} until {@code count} records were read (commits the offsets),
     * or the timeout passes; returns how many were read.
     */
    public long consume(String topic, String group, long count, Duration timeout) {
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(group))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (read < count && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
                if (!records.isEmpty()) {
                    consumer.commitSync(Duration.ofSeconds(10));
                }
            }
        }
        return read;
    }

    /**
     * Starts a producer thread (about {@code recordsPerSecond} records of {@code valueSize} bytes) and a
     * consumer thread in group {@code group}. Both stop by themselves after {@code maxDuration}, or on
     * {@link ContinuousLoad#close()}.
     */
    public ContinuousLoad startContinuous(String topic, String group, int recordsPerSecond, int valueSize,
            Duration maxDuration) {
        return new ContinuousLoad(this, topic, group, recordsPerSecond, valueSize, maxDuration);
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("could not " + what + " within " + CALL_TIMEOUT, e);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }

    /** A bounded, stoppable producer + consumer pair. Errors are counted, not thrown (brokers may be down). */
    public static final class ContinuousLoad implements AutoCloseable {
        private final AtomicLong produced = new AtomicLong();
        private final AtomicLong consumed = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicReference<Throwable> lastError = new AtomicReference<>();
        private final Thread producerThread;
        private final Thread consumerThread;
        private final long deadline;
        private volatile boolean stopping;

        private ContinuousLoad(Workload w, String topic, String group, int recordsPerSecond, int valueSize,
                Duration maxDuration) {
            if (recordsPerSecond < 1) {
                throw new IllegalArgumentException("recordsPerSecond must be positive: " + recordsPerSecond);
            }
            this.deadline = System.nanoTime() + maxDuration.toNanos();
            byte[] value = new byte[valueSize];
            Arrays.fill(value, (byte) 'y');
            Properties pp = w.producerProperties();
            Properties cp = w.consumerProperties(group);
            cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
            producerThread = new Thread(() -> produceLoop(pp, topic, value, recordsPerSecond),
                    "brokerwatch-load-producer-" + topic);
            consumerThread = new Thread(() -> consumeLoop(cp, topic), "brokerwatch-load-consumer-" + topic);
            producerThread.setDaemon(true);
            consumerThread.setDaemon(true);
            producerThread.start();
            consumerThread.start();
        }

        private boolean running() {
            return !stopping && System.nanoTime() < deadline;
        }

        private void produceLoop(Properties props, String topic, byte[] value, int perSecond) {
            long intervalNanos = 1_000_000_000L / perSecond;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                long next = System.nanoTime();
                while (running()) {
                    producer.send(new ProducerRecord<>(topic, value), (md, ex) -> {
                        if (ex == null) {
                            produced.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            lastError.set(ex);
                        }
                    });
                    next += intervalNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    } else if (sleep < -1_000_000_000L) {
                        next = System.nanoTime(); // fell behind by more than a second: do not burst
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                lastError.set(e);
            }
        }

        private void consumeLoop(Properties props, String topic) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of(topic));
                while (running()) {
                    try {
                        consumed.addAndGet(consumer.poll(Duration.ofMillis(300)).count());
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        return;
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        lastError.set(e);
                        KafkaNode.sleep(200);
                    }
                }
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                lastError.set(e);
            }
        }

        public long produced() {
            return produced.get();
        }

        public long consumed() {
            return consumed.get();
        }

        public long errors() {
            return errors.get();
        }

        public Throwable lastError() {
            return lastError.get();
        }

        public boolean isRunning() {
            return producerThread.isAlive() || consumerThread.isAlive();
        }

        /** Stops both threads and waits for them (bounded: 30 s each). */
        @Override
        public void close() {
            stopping = true;
            join(producerThread);
            join(consumerThread);
        }

        private static void join(Thread t) {
            try {
                t.join(30_000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
