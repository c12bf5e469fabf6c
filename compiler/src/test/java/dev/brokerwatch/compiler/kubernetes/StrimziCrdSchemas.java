package dev.brokerwatch.compiler.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The schemas of Strimzi's {@code kafka.strimzi.io/v1beta2} kinds: each kind's {@code openAPIV3Schema} from the
 * CRDs that the strimzi-crds module generates from Strimzi's published API model, with Strimzi's own generator.
 * Like the API server's strict field validation, an object rejects fields it does not declare unless the CRD says
 * {@code x-kubernetes-preserve-unknown-fields} (Kafka's {@code config} maps).
 */
final class StrimziCrdSchemas {
    static final String API_VERSION = "kafka.strimzi.io/v1beta2";
    private static final Set<String> KINDS = Set.of("Kafka", "KafkaNodePool");
    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();

    private StrimziCrdSchemas() {
    }

    /** The schema of one Strimzi kind, or empty for a kind strimzi-crds does not generate. */
    static synchronized Optional<JsonSchema> of(String apiVersion, String kind) {
        if (!API_VERSION.equals(apiVersion) || !KINDS.contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(SCHEMAS.computeIfAbsent(kind, k -> schemaOf(load(k))));
    }

    private static JsonNode load(String kind) {
        String resource = "strimzi-crds/" + kind + ".yaml";
        try (InputStream in = StrimziCrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path: build the strimzi-crds module");
            }
            return new ObjectMapper().valueToTree(new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schemaOf(JsonNode crd) {
        JsonNode schema = null;
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("name").asText().equals("v1beta2")) {
                schema = version.path("schema").path("openAPIV3Schema");
            }
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalStateException("no v1beta2 openAPIV3Schema in the generated CRD " + crd.path("metadata"));
        }
        ObjectNode strict = schema.deepCopy();
        rejectUndeclaredFields(strict);
        strict.put("$schema", "http://json-schema.org/draft-07/schema#");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(strict);
    }

    /** Walks the schema as a schema (not every JSON object in it: a property may be called "properties"). */
    private static void rejectUndeclaredFields(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) schema;
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").elements().forEachRemaining(StrimziCrdSchemas::rejectUndeclaredFields);
        rejectUndeclaredFields(object.path("items"));
        rejectUndeclaredFields(object.path("additionalProperties"));
        // not into oneOf/anyOf: Strimzi's branches there name one field each to say which may go together
    }
}
