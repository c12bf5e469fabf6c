package dev.brokerwatch.compiler.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the agent's health body, {@code {"status":"UP","checks":[{"name":..,"ok":..,"detail":..}]}}. JSON is
 * YAML, so the YAML reader the compiler already has parses it. A body of another shape is reported, not
 * guessed at.
 */
final class HealthBodyParser {
    private HealthBodyParser() {
    }

    static EndpointHealth parse(int httpStatus, String body) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(1 << 20);
            tree = new Yaml(new SafeConstructor(options)).load(body);
        } catch (RuntimeException e) {
            return malformed(httpStatus, body);
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("status") instanceof String status)) {
            return malformed(httpStatus, body);
        }
        List<EndpointHealth.Check> checks = new ArrayList<>();
        if (map.get("checks") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> check) {
                    checks.add(new EndpointHealth.Check(String.valueOf(check.get("name")), Boolean.TRUE.equals(check.get("ok")),
                            check.get("detail") == null ? "" : String.valueOf(check.get("detail"))));
                }
            }
        }
        return new EndpointHealth(httpStatus, status, checks, null);
    }

    private static EndpointHealth malformed(int httpStatus, String body) {
        String excerpt = body.length() > 80 ? body.substring(0, 80) + "..." : body;
        return new EndpointHealth(httpStatus, "UNKNOWN",
                List.of(new EndpointHealth.Check("response", false, "not a brokerwatch health report: " + excerpt.strip())), null);
    }
}
