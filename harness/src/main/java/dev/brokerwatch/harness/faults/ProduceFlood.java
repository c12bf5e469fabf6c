package dev.brokerwatch.harness.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.brokerwatch.harness.Workload;

/**
 * Sustained produce load as fast as the brokers take it: {@code threads} producers, each with its own
 * connections, sending {@code valueSize}-byte records to {@code topic} until {@link #close()}. Errors are
 * counted, not thrown (the load itself is the fault).
 */
public final class ProduceFlood implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean stopping;

    public ProduceFlood(Workload workload, String topic, int producers, int valueSize, String acks,
            String compression) {
        this(workload, topic, producers, valueSize, acks, compression, Math.max(1024, valueSize * 4));
    }

    /** As above, with the producers' batch.size: a small one makes one request per record or two. */
    public ProduceFlood(Workload workload, String topic, int producers, int valueSize, String acks,
            String compression, int batchSize) {
        byte[] value = new byte[valueSize];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('a' + (i * 7 + i / 13) % 26);
        }
        for (int t = 0; t < producers; t++) {
            Properties p = workload.producerProperties();
            p.put(ProducerConfig.ACKS_CONFIG, acks);
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(8 * 1024 * 1024));
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "brokerwatch-flood-" + t);
            Thread th = new Thread(() -> run(p, topic, value), "brokerwatch-flood-" + t);
            th.setDaemon(true);
            threads.add(th);
        }
        threads.forEach(Thread::start);
    }

    private void run(Properties p, String topic, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            int i = 0;
            while (!stopping) {
                byte[] v = Arrays.copyOf(value, value.length);
                v[0] = (byte) i++;
                producer.send(new ProducerRecord<>(topic, v), (md, ex) -> {
                    if (ex == null) {
                        acked.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    public long sent() {
        return sent.get();
    }

    public long acked() {
        return acked.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Stops every producer thread (bounded: 30 s each, then interrupted). */
    @Override
    public void close() {
        stopping = true;
        LoadThreads.join(threads, Duration.ofSeconds(30));
    }
}
