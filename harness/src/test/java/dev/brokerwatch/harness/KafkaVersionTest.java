package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaVersionTest {
    @Test
    void parsesAndOrdersVersions() {
        KafkaVersion v = KafkaVersion.parse("4.1.2");
        assertThat(v).isEqualTo(new KafkaVersion(4, 1, 2));
        assertThat(v.toString()).isEqualTo("4.1.2");
        assertThat(v.usesLog4j2()).isTrue();
        assertThat(KafkaVersion.parse("3.9.2").usesLog4j2()).isFalse();
        assertThat(KafkaVersion.parse("3.9.2")).isLessThan(v);
        assertThat(KafkaVersion.parse("4.4.0")).isGreaterThan(v);
        assertThatThrownBy(() -> KafkaVersion.parse("4.1")).hasMessageContaining("not a Kafka version");
    }
}
