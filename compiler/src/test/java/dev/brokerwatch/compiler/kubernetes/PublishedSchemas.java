package dev.brokerwatch.compiler.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schemas (draft-07) that fabric8 publishes in its model jars on Maven Central, one per jar at
 * {@code schema/validation-schema.json}, keyed by {@code apiVersion} and {@code kind}. Two adjustments, both
 * to what the API server does rather than to taste: fabric8 describes IntOrString and Quantity as the Java
 * objects that hold them, while on the wire they are an integer or a string (a quantity also a number); and
 * every object rejects fields it does not declare, as the API server's strict field validation does (fabric8
 * allows any, which would let a misspelt field through).
 */
final class PublishedSchemas {
    private static final String RESOURCE = "schema/validation-schema.json";
    private static final Map<String, String> JARS = Map.of(
            "v1", "kubernetes-model-apps",
            "apps/v1", "kubernetes-model-apps",
            "monitoring.coreos.com/v1", "openshift-model-monitoring");
    private static final Map<String, String> PREFIXES = Map.of(
            "v1", "kubernetes_core_",
            "apps/v1", "kubernetes_apps_",
            "monitoring.coreos.com/v1", "os_monitoring_v1_");

    private PublishedSchemas() {
    }

    /** The schema of one kind, or empty when no published schema of it is on the class path. */
    static Optional<JsonSchema> of(String apiVersion, String kind) {
        String jar = JARS.get(apiVersion);
        if (jar == null) {
            return Optional.empty();
        }
        ObjectNode root = load(jar).deepCopy();
        String definition = PREFIXES.get(apiVersion) + kind;
        ObjectNode definitions = (ObjectNode) root.get("definitions");
        if (!definitions.has(definition)) {
            return Optional.empty();
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode intOrString = json.objectNode();
        intOrString.putArray("anyOf").add(json.objectNode().put("type", "integer")).add(json.objectNode().put("type", "string"));
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", intOrString);
        ObjectNode quantity = json.objectNode();
        quantity.putArray("anyOf").add(json.objectNode().put("type", "number")).add(json.objectNode().put("type", "string"));
        definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", quantity);
        Iterator<JsonNode> all = definitions.elements();
        while (all.hasNext()) {
            JsonNode node = all.next();
            if (node.has("properties") && node.path("additionalProperties").isBoolean()) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
        }
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$ref", "#/definitions/" + definition);
        schema.set("definitions", definitions);
        return Optional.of(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema));
    }

    private static ObjectNode load(String jar) {
        try {
            List<URL> urls = Collections.list(PublishedSchemas.class.getClassLoader().getResources(RESOURCE));
            URL url = urls.stream().filter(u -> u.toString().contains("/" + jar + "-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " is not on the test class path: " + urls));
            try (InputStream in = url.openStream()) {
                return (ObjectNode) new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
