package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.diag.CheckCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kafka checks on audit inputs: each {@code audit-cases/kafka/<topic>/<case>.rules.yaml} is a Prometheus rule file
 * audited against the jmx_exporter config {@code audit-cases/kafka/exporter.yaml} on Kafka 4.1 (combined node), with
 * every other code disabled; the report must equal {@code <case>.expected} next to it ({@code -Dgolden.update=true}
 * rewrites them). A {@code fires} case reports its code, a {@code quiet} case nothing.
 */
class KafkaChecksAuditCasesTest {
    static final Path CASES = Path.of("src/test/resources/audit-cases/kafka");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> walk = Files.walk(CASES)) {
            return walk.filter(p -> p.toString().endsWith(".rules.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void auditOfTheCaseReportsExactlyItsGoldenFile(Path rules) throws IOException {
        String code = "kafka/" + rules.getParent().getFileName();
        List<String> others = Arrays.stream(CheckCode.values()).filter(c -> c.disableable() && !c.code().equals(code))
                .map(CheckCode::code).toList();
        List<String> args = new ArrayList<>(List.of("audit", "--exporter", "jmx-exporter:" + CASES.resolve("exporter.yaml"),
                "--kafka", "4.1", "--role", "combined", "--external", "none", "--disable", String.join(",", others), rules.toString()));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.err()).as("no usage error for %s", rules).isEmpty();
        Path expected = Path.of(rules.toString().replaceAll("\\.rules\\.yaml$", ".expected"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, cli.out(), StandardCharsets.UTF_8);
        }
        if (rules.getFileName().toString().startsWith("fires")) {
            assertThat(cli.out()).as("%s must raise %s", rules, code).contains("[" + code + "]");
        } else {
            assertThat(cli.out()).as("%s must not raise %s", rules, code).isEmpty();
        }
        assertThat(cli.out()).as("report of %s (rerun with -Dgolden.update=true and review the diff)", rules)
                .isEqualTo(Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : "<missing " + expected + ">");
    }
}
