package dev.brokerwatch.tests.churn;

import java.time.Duration;

/**
 * The size of a partition-churn run: {@code partitions} partitions that stay (topics {@code base-NNN} of up to
 * 500 partitions), and {@code churnPartitions} more in topics {@code churn-NN} of {@code churnTopicPartitions}
 * each, created and deleted {@code cycles} times under the same names (a topic deleted and created again is the
 * case that tests the MBean index hardest). {@code scrapers} threads scrape the agent back to back and a
 * Prometheus scrapes it every {@code prometheusInterval}.
 */
public record ChurnSettings(int partitions, int churnPartitions, int churnTopicPartitions, int cycles, int scrapers,
        Duration prometheusInterval, String heap) {

    public static final int BASE_TOPIC_PARTITIONS = 500;

    public ChurnSettings {
        if (partitions < 1 || churnPartitions < 1 || churnTopicPartitions < 1 || cycles < 1 || scrapers < 1) {
            throw new IllegalArgumentException("every count must be positive: " + this);
        }
    }

    /** The size that fits a CI run in about three minutes on two cores. */
    public static ChurnSettings ci() {
        return new ChurnSettings(1_000, 200, 50, 3, 8, Duration.ofSeconds(5), "1g");
    }

    int churnTopics() {
        return (churnPartitions + churnTopicPartitions - 1) / churnTopicPartitions;
    }

    /** Partitions of churn topic {@code i}: the last one takes the remainder. */
    int churnTopicSize(int i) {
        return i < churnTopics() - 1 ? churnTopicPartitions : churnPartitions - churnTopicPartitions * i;
    }
}
