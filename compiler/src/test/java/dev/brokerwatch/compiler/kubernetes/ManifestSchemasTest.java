package dev.brokerwatch.compiler.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every manifest of docs/kubernetes/ and every monitor that compile writes into alerts/out is valid against
 * the published schema of its kind; docs/kubernetes.md shows each manifest file as it is.
 */
class ManifestSchemasTest {
    private static final Path REPO = Path.of(System.getProperty("brokerwatch.repo", ".."));
    private static final Path MANIFESTS = REPO.resolve("docs/kubernetes");
    private static final List<String> EMITTED_MONITORS = List.of("podmonitor", "servicemonitor", "strimzi-podmonitor");

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Path> everyFile() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(MANIFESTS));
        for (String emitter : EMITTED_MONITORS) {
            files.addAll(yamlFiles(REPO.resolve("alerts/out").resolve(emitter)));
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentMatchesTheSchemaOfItsKind() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : everyFile()) {
            int index = 0;
            for (Object document : new Yaml().loadAll(Files.readString(file))) {
                int position = ++index;
                tests.add(DynamicTest.dynamicTest(REPO.relativize(file) + "#" + position, () -> validate(file, position, document)));
            }
        }
        return tests.stream();
    }

    private static void validate(Path file, int position, Object document) {
        JsonNode node = new ObjectMapper().valueToTree(document);
        String apiVersion = node.path("apiVersion").asText();
        String kind = node.path("kind").asText();
        Optional<JsonSchema> schema = schemaOf(apiVersion, kind);
        assertThat(schema).as("%s document %d: a published schema for %s %s", file, position, apiVersion, kind).isPresent();
        Set<ValidationMessage> errors = schema.get().validate(node);
        assertThat(errors).as("%s document %d (%s %s) against its published schema", file, position, apiVersion, kind).isEmpty();
    }

    private static Optional<JsonSchema> schemaOf(String apiVersion, String kind) {
        return apiVersion.equals(StrimziCrdSchemas.API_VERSION) ? StrimziCrdSchemas.of(apiVersion, kind)
                : PublishedSchemas.of(apiVersion, kind);
    }

    @Test
    void strimzisSchemaRejectsAMisspeltFieldAndAnUnknownMetricsType() {
        Map<String, Object> kafka = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "Kafka",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("kafka", Map.of("listners", List.of(), "metricsConfig", Map.of("type", "prometheus"))));
        Set<ValidationMessage> errors = StrimziCrdSchemas.of("kafka.strimzi.io/v1beta2", "Kafka").orElseThrow()
                .validate(new ObjectMapper().valueToTree(kafka));
        assertThat(errors).as("listners (for listeners) and metricsConfig type prometheus are caught")
                .anyMatch(e -> e.getMessage().contains("listners"))
                .anyMatch(e -> e.getMessage().contains("metricsConfig.type") || e.getMessage().contains("prometheus"));
    }

    @Test
    void strimzisSchemaKeepsTheFreeFormConfigMapsOpen() {
        Map<String, Object> pool = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaNodePool",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("replicas", 3, "roles", List.of("broker"), "storage", Map.of("type", "ephemeral")));
        Map<String, Object> kafka = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "Kafka",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("kafka", Map.of("listeners", List.of(Map.of("name", "plain", "port", 9092, "type", "internal",
                        "tls", false)), "config", Map.of("min.insync.replicas", 2, "any.broker.setting", "x"))));
        assertThat(StrimziCrdSchemas.of("kafka.strimzi.io/v1beta2", "KafkaNodePool").orElseThrow()
                .validate(new ObjectMapper().valueToTree(pool))).as("a minimal node pool").isEmpty();
        assertThat(StrimziCrdSchemas.of("kafka.strimzi.io/v1beta2", "Kafka").orElseThrow()
                .validate(new ObjectMapper().valueToTree(kafka))).as("broker settings under config are free-form").isEmpty();
    }

    @Test
    void theSchemasRejectAMisspeltField() {
        Map<String, Object> monitor = Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "PodMonitor",
                "metadata", Map.of("name", "x"), "spec", Map.of("selector", Map.of(), "podMetricEndpoints", List.of()));
        JsonNode node = new ObjectMapper().valueToTree(monitor);
        assertThat(PublishedSchemas.of("monitoring.coreos.com/v1", "PodMonitor").orElseThrow().validate(node))
                .as("podMetricEndpoints (for podMetricsEndpoints) is caught").isNotEmpty();
    }

    @Test
    void theSchemasRejectAWrongType() {
        Map<String, Object> service = Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "x"),
                "spec", Map.of("ports", List.of(Map.of("name", "a", "port", "ninety"))));
        JsonNode node = new ObjectMapper().valueToTree(service);
        assertThat(PublishedSchemas.of("v1", "Service").orElseThrow().validate(node)).as("a port that is not a number").isNotEmpty();
    }

    @Test
    void theGuideShowsEveryManifestFileAsItIs() throws IOException {
        String guide = Files.readString(REPO.resolve("docs/kubernetes.md"));
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.sorted().toList()) {
                assertThat(guide).as("docs/kubernetes.md shows docs/kubernetes/%s verbatim", file.getFileName())
                        .contains(Files.readString(file));
            }
        }
    }
}
