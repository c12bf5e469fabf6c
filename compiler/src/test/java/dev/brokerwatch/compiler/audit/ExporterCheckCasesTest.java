package dev.brokerwatch.compiler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.exporter.JmxExporterModel;
import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.reporter.AllowlistChecks;
import dev.brokerwatch.compiler.audit.reporter.StrimziAllowlist;
import dev.brokerwatch.compiler.audit.reporter.StrimziReporterModel;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases of the exporter checks: each {@code checks/exporter/<topic>/*.yaml} is a jmx_exporter config (for
 * {@code allowlist-unused} a Strimzi Kafka resource with the Metrics Reporter's allowlist) audited against the shipped
 * Kafka 4.1.2 broker inventory; the findings of that folder's code, rendered, must equal the
 * {@code .expected} file next to it ({@code -Dgolden.update=true} rewrites them). A {@code fires} case has at least
 * one finding of its code, a {@code quiet} case none.
 */
class ExporterCheckCasesTest {
    static final Path CASES = Path.of("src/test/resources/checks");
    static final AuditTarget TARGET = new AuditTarget("4.1", "broker");

    static Stream<Path> cases() throws IOException {
        // checks/import/ holds rule files for brokerwatch import, run by ImportCommandTest
        try (Stream<Path> walk = Files.walk(CASES.resolve("exporter"))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** The allowlist cases are Strimzi Kafka resources for the Metrics Reporter; the others jmx_exporter configs. */
    private static ExporterModel model(String code, SourceFile file) {
        if (!code.equals(AllowlistChecks.CODE.code())) {
            return JmxExporterModel.of(file);
        }
        try {
            return StrimziReporterModel.of(StrimziAllowlist.fromFile(file.displayPath(), file.text()), InventorySource.SHIPPED, List.of());
        } catch (ExporterSpecException e) {
            throw new AssertionError(file.displayPath() + " is not a usable allowlist: " + e.getMessage(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void findingsOfTheCaseCodeMatchTheExpectedReport(Path yaml) throws IOException {
        String code = CASES.relativize(yaml.getParent()).toString().replace('\\', '/');
        String display = CASES.relativize(yaml).toString().replace('\\', '/');
        SourceFile file = SourceFile.ofString(display, Files.readString(yaml, StandardCharsets.UTF_8));
        List<Diagnostic> findings = model(code, file).configFindings(TARGET).stream()
                .filter(d -> d.code().equals(code)).toList();
        String report = findings.stream().map(DiagnosticRenderer::render).collect(Collectors.joining("\n"));
        Path expected = Path.of(yaml.toString().replaceAll("\\.yaml$", ".expected"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, report, StandardCharsets.UTF_8);
        }
        if (yaml.getFileName().toString().startsWith("fires")) {
            assertThat(findings).as("%s must raise %s", display, code).isNotEmpty();
        } else {
            assertThat(findings).as("%s must not raise %s", display, code).isEmpty();
        }
        assertThat(report).as("report of %s (rerun with -Dgolden.update=true and review the diff)", display)
                .isEqualTo(Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : "<missing " + expected + ">");
    }
}
