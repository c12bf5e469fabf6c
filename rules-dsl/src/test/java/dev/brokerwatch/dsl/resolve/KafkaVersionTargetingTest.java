package dev.brokerwatch.dsl.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.compile.CompileResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kafka_version} picks each parameter's {@code since} value; {@code --set} still has the last word. */
class KafkaVersionTargetingTest {
    private static final String PACK = """
            param offset = 1
              since "4.0" = 2
              since "4.2" = 0
            """;

    private static Object offset(Map<String, String> overrides) {
        CompileResult r = Sources.of("p.bw", PACK).compile(overrides);
        assertThat(r.diagnostics()).as("the pack is clean: %s", Sources.render(r.diagnostics())).isEmpty();
        assertThat(r.usageErrors()).as("the overrides are valid").isEmpty();
        return ((ParamValue.NumberValue) r.pack().params().value("offset").orElseThrow()).value();
    }

    @Test
    void withoutATargetThePackIsCompiledForTheCatalogsKafkaLine() {
        CompileResult r = Sources.of("p.bw", PACK).compile();
        assertThat(r.pack().params().kafkaVersion()).as("the built-in default").isEqualTo(Params.DEFAULT_KAFKA_VERSION);
        assertThat(offset(Map.of())).as("4.1 has reached since 4.0, not since 4.2").isEqualTo(2.0);
    }

    @Test
    void aVersionBeforeEverySinceKeepsTheDeclaredDefault() {
        assertThat(offset(Map.of("kafka_version", "3.9.2"))).isEqualTo(1.0);
    }

    @Test
    void theLastSinceTheTargetHasReachedWins() {
        assertThat(offset(Map.of("kafka_version", "4.2"))).as("since is inclusive").isEqualTo(0.0);
        assertThat(offset(Map.of("kafka_version", "4.4.0"))).isEqualTo(0.0);
        assertThat(offset(Map.of("kafka_version", "4.1.2"))).isEqualTo(2.0);
    }

    @Test
    void anExplicitSetOverridesWhateverTheVersionPicked() {
        assertThat(offset(Map.of("kafka_version", "4.4.0", "offset", "7"))).isEqualTo(7.0);
    }

    @Test
    void aMalformedVersionOnTheCommandLineIsAUsageError() {
        CompileResult r = Sources.of("p.bw", PACK).compile(Map.of("kafka_version", "four"));
        assertThat(r.usageErrors()).as("one clear line naming the problem")
                .singleElement().asString().contains("--set kafka_version=four").contains("not a Kafka version");
    }
}
