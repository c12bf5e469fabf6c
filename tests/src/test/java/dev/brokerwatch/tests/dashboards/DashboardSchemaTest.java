package dev.brokerwatch.tests.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.harness.HarnessPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every emitted dashboard against Grafana's own published dashboard model: tests/grafana-schema/check-dashboards.sh
 * type-checks each JSON with tsc against the {@code Dashboard} type of @grafana/schema and each panel's options
 * against its panel plugin's types (versions pinned in package-lock.json; npm installs them on first run).
 */
class DashboardSchemaTest {
    private static final Path SCHEMA_DIR = HarnessPaths.testsBaseDir().resolve("grafana-schema");
    private static final Path REPO = HarnessPaths.testsBaseDir().getParent();

    record Result(int exitCode, String output) {
    }

    static synchronized Result check(Path jsonDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("check-dashboards", ".log");
        Process process = new ProcessBuilder("bash", SCHEMA_DIR.resolve("check-dashboards.sh").toString(), jsonDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("check-dashboards.sh did not finish within 5 minutes; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(600)
    void theCommittedDashboardsMatchGrafanasDashboardModel() throws Exception {
        Path dir = REPO.resolve("alerts/out/grafana");
        assertThat(dir).isDirectory();
        Result result = check(dir);
        assertThat(result.exitCode()).as("check-dashboards.sh %s:%n%s", dir, result.output()).isZero();
        assertThat(result.output()).contains("7 dashboards match @grafana/schema");
    }

    @Test
    @Timeout(600)
    void theEmittersGoldenDashboardsMatchGrafanasDashboardModel() throws Exception {
        Path dir = REPO.resolve("compiler/src/test/resources/golden/grafana/full/grafana");
        Result result = check(dir);
        assertThat(result.exitCode()).as("check-dashboards.sh %s:%n%s", dir, result.output()).isZero();
    }

    // the check must be able to fail: a string where Grafana wants a number, and a field it does not know
    @Test
    @Timeout(600)
    void aDashboardWithAWrongFieldTypeIsRejected() throws Exception {
        Path source = REPO.resolve("alerts/out/grafana/kafka-cluster-overview.json");
        Path dir = Files.createDirectories(HarnessPaths.targetDir().resolve("grafana-schema-negative"));
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        String json = Files.readString(source);
        Files.writeString(dir.resolve("wrong-type.json"), json.replaceFirst("\"schemaVersion\": 41", "\"schemaVersion\": \"41\""));
        Files.writeString(dir.resolve("unknown-field.json"), json.replaceFirst("\"editable\": true", "\"editable\": true,\n  \"editabel\": true"));
        Files.writeString(dir.resolve("bad-enum.json"), json.replaceFirst("\"mode\": \"absolute\"", "\"mode\": \"absolut\""));
        Result result = check(dir);
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        List<String> errors = result.output().lines().filter(l -> l.contains("error TS")).toList();
        assertThat(errors).as(result.output())
                .anyMatch(l -> l.startsWith("generated/wrong-type.ts") && l.contains("not assignable to type 'number'"))
                .anyMatch(l -> l.startsWith("generated/unknown-field.ts") && l.contains("editabel"))
                .anyMatch(l -> l.startsWith("generated/bad-enum.ts") && l.contains("absolut"));
    }
}
