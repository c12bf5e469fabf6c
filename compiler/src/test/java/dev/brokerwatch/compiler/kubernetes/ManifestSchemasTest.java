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
    /** Kinds with no schema of theirs on the class path yet: Strimzi's CRDs are not published as files. */
    private static final Set<String> NOT_YET_VALIDATED = Set.of("kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool");

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
        Optional<JsonSchema> schema = PublishedSchemas.of(apiVersion, kind);
        if (schema.isEmpty()) {
            assertThat(NOT_YET_VALIDATED).as("%s document %d: no published schema for %s %s", file, position, apiVersion, kind)
                    .contains(apiVersion + " " + kind);
            return;
        }
        Set<ValidationMessage> errors = schema.get().validate(node);
        assertThat(errors).as("%s document %d (%s %s) against its published schema", file, position, apiVersion, kind).isEmpty();
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
