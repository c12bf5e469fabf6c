package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.emit.Promtool;
import dev.brokerwatch.dsl.parse.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code brokerwatch import}: golden sources for seed 000 and the edge cases, the catalog for an exporter model,
 * what cannot be carried, never overwriting a file silently; and the round trip: import, then compile, gives rule
 * files that the real promtool accepts and that hold the same rules with the same expressions as the input.
 */
class ImportCommandTest {
    private static final Path SEED = Path.of("src/test/resources/audit/seed-000");
    private static final Path GOLDEN = Path.of("src/test/resources/import");
    private static final Path EDGE = GOLDEN.resolve("edge-cases/rules.yaml");
    private static final Path NOT_CARRIED = Path.of("src/test/resources/checks/import/not-carried");
    private static final Path CURATED_OUT = Path.of(System.getProperty("brokerwatch.repo", ".."), "alerts", "out");

    // --- golden outputs -----------------------------------------------------------------------------------

    @Test
    void seedPrometheusRuleGivesTheGoldenSources() throws IOException {
        Cli cli = Cli.run("import", SEED.resolve("prometheusrule.yaml").toString());
        golden(GOLDEN.resolve("seed-000/kafka-cluster.bw.expected"), cli.out(), "seed 000's PrometheusRule as .bw");
        assertThat(cli.err()).as("the resource's metadata is named with the compile options that restore it")
                .contains("info[import/not-carried]").contains("--name kafka-cluster --namespace messaging --label prometheus=platform");
        assertThat(cli.exitCode()).as("everything of the seed's rules is carried: exit 0").isEqualTo(ExitCode.OK);
    }

    @Test
    void seedWithItsOwnExporterConfigGetsTheCatalogAndItsRealDefects(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("monitoring");
        Cli cli = Cli.run("import", "--exporter", "jmx-exporter", "--kafka", "4.1", "--out", out.toString(), SEED.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        golden(GOLDEN.resolve("seed-000/catalog-jmx-exporter.bw.expected"), Files.readString(out.resolve("catalog.bw")),
                "the catalog of the series the seed's rules select, from its own jmx_exporter config on Kafka 4.1");
        Cli check = Cli.run("check", out.resolve("kafka-cluster.bw").toString());
        assertThat(check.out()).as("check finds the seed's rate over a one-minute-rate gauge and the series its config never makes")
                .contains("error[promql/rate-over-gauge]").contains("kafka_server_replicamanager_isrshrinkspersec")
                .contains("unknown metric kafka_controller_kafkacontroller_leaderelectionrateandtimems_total")
                .contains("unknown metric jvm_gc_collection_time_ms");
        assertThat(check.out()).as("house style is not reported on imported sources")
                .doesNotContain("rule/severity").doesNotContain("rule/annotations").doesNotContain("rule/duplicate").doesNotContain("disable/");
    }

    @Test
    void edgeCasesGiveTheGoldenSources() throws IOException {
        Cli cli = Cli.run("import", EDGE.toString());
        golden(GOLDEN.resolve("edge-cases/rules.bw.expected"), cli.out(), "the edge cases as .bw");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void whatCannotBeCarriedIsReportedAtItsPlace() throws IOException {
        for (String name : List.of("fires", "quiet")) {
            Cli cli = Cli.run("import", NOT_CARRIED.resolve(name + ".yaml").toString());
            golden(NOT_CARRIED.resolve(name + ".expected"), cli.err(), "the problems of import on " + name + ".yaml");
            assertThat(cli.exitCode()).as("%s: exit 1 when something is not carried, else 0", name)
                    .isEqualTo(name.equals("fires") ? ExitCode.PROBLEMS : ExitCode.OK);
        }
        Cli fires = Cli.run("import", NOT_CARRIED.resolve("fires.yaml").toString());
        assertThat(fires.out()).as("the rest is imported").contains("alert KafkaLagHigh").contains("record kafka:lag:sum")
                .doesNotContain("kafka-broker-down").doesNotContain("5 minutes");
    }

    // --- files --------------------------------------------------------------------------------------------

    @Test
    void anExistingFileIsNeverOverwrittenWithoutForce(@TempDir Path dir) throws IOException {
        Path existing = Cli.write(dir, "out/kafka-cluster.bw", "# mine\n");
        Cli refused = Cli.run("import", "--out", dir.resolve("out").toString(), SEED.resolve("prometheusrule.yaml").toString());
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).as("names the file and the way out").contains(existing.toString()).contains("--force");
        assertThat(Files.readString(existing)).as("the user's file is untouched").isEqualTo("# mine\n");
        Cli forced = Cli.run("import", "--force", "--out", dir.resolve("out").toString(), SEED.resolve("prometheusrule.yaml").toString());
        assertThat(forced.exitCode()).as(forced.all()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(existing)).as("--force replaces it").contains("alert KafkaBrokerDown");
    }

    @Test
    void inputWithoutRuleGroupsIsAUsageError(@TempDir Path dir) throws IOException {
        Path file = Cli.write(dir, "config.yaml", "kind: Kafka\nmetadata:\n  name: x\n");
        Cli cli = Cli.run("import", file.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("nothing to import").contains("no rule groups");
    }

    @Test
    void theOutputIsDeterministic(@TempDir Path dir) {
        assertThat(Cli.run("import", EDGE.toString()).out()).as("two runs give the same bytes").isEqualTo(Cli.run("import", EDGE.toString()).out());
    }

    @Test
    void helpTeachesTheCommand() {
        Cli cli = Cli.run("import", "--help");
        assertThat(cli.out()).contains("--out").contains("--force").contains("--exporter").contains("Exit codes")
                .contains("import/not-carried").contains("brokerwatch import prometheusrule.yaml");
    }

    // --- round trip ---------------------------------------------------------------------------------------

    @Test
    void seedRoundTripsThroughCompileToEquivalentRules(@TempDir Path dir) throws IOException {
        roundTrip(dir, List.of(SEED.resolve("prometheusrule.yaml")), List.of());
    }

    @Test
    void edgeCasesRoundTripThroughCompileToEquivalentRules(@TempDir Path dir) throws IOException {
        roundTrip(dir, List.of(EDGE), List.of());
    }

    @Test
    void curatedPacksCompiledRulesRoundTripAgainstTheBrokerwatchCatalog(@TempDir Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CURATED_OUT.resolve("prometheus"))) {
            files = list.sorted().toList();
        }
        roundTrip(dir, files, List.of("--exporter", "brokerwatch"));
        roundTrip(dir.resolve("operator"), List.of(CURATED_OUT.resolve("prometheus-operator/kafka-prometheusrule.yaml")),
                List.of("--exporter", "brokerwatch"));
    }

    /** import, check (no error), compile; promtool accepts input and output; both hold the same rules. */
    private static void roundTrip(Path dir, List<Path> inputs, List<String> options) throws IOException {
        Path sources = dir.resolve("bw");
        List<String> args = new ArrayList<>(List.of("import", "--out", sources.toString()));
        args.addAll(options);
        inputs.forEach(p -> args.add(p.toString()));
        Cli imported = Cli.run(args.toArray(String[]::new));
        assertThat(imported.exitCode()).as("import %s: %s", inputs, imported.all()).isEqualTo(ExitCode.OK);
        List<String> bw;
        try (Stream<Path> list = Files.list(sources)) {
            bw = list.map(Path::toString).filter(n -> !n.endsWith("catalog.bw")).sorted().toList();
        }
        List<String> check = new ArrayList<>(List.of("check"));
        check.addAll(bw);
        Cli checked = Cli.run(check.toArray(String[]::new));
        assertThat(checked.exitCode()).as("check of the imported %s: %s", inputs, checked.all()).isEqualTo(ExitCode.OK);
        List<String> compile = new ArrayList<>(List.of("compile", "--out", dir.resolve("out").toString()));
        compile.addAll(bw);
        Cli compiled = Cli.run(compile.toArray(String[]::new));
        assertThat(compiled.exitCode()).as(compiled.all()).isEqualTo(ExitCode.OK);

        Path original = dir.resolve("original.rules.yml");
        Map<String, Object> input = new LinkedHashMap<>();
        List<Object> groups = new ArrayList<>();
        for (Path p : inputs) {
            groups.addAll(ruleGroups(Files.readString(p)));
        }
        input.put("groups", groups);
        Files.writeString(original, new Yaml().dump(input));
        List<Object> output = new ArrayList<>();
        List<Path> outputs;
        try (Stream<Path> list = Files.list(dir.resolve("out/prometheus"))) {
            outputs = list.sorted().toList();
        }
        for (Path p : outputs) {
            output.addAll(ruleGroups(Files.readString(p)));
        }
        Promtool promtool = Promtool.find();
        for (Path p : concat(List.of(original), outputs)) {
            Promtool.Run run = promtool.run(dir, "check", "rules", p.toString());
            assertThat(run.ok()).as(run.describe()).isTrue();
        }
        assertThat(canonical(output)).as("the compiled rules of %s, by group and rule, expressions without whitespace and comments", inputs)
                .isEqualTo(canonical(groups));
    }

    /** The groups of a rule file, or of every PrometheusRule in a multi-document file. */
    @SuppressWarnings("unchecked")
    private static List<Object> ruleGroups(String yaml) {
        List<Object> out = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc instanceof Map<?, ?> map) {
                Object groups = map.containsKey("spec") ? ((Map<String, Object>) map.get("spec")).get("groups") : map.get("groups");
                out.addAll((List<Object>) groups);
            }
        }
        return out;
    }

    /** Groups by name; each rule with kind, name, normalised expression, durations in ms, labels and annotations sorted. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(List<Object> groups) {
        Map<String, Object> out = new TreeMap<>();
        for (Object g : groups) {
            Map<String, Object> group = (Map<String, Object>) g;
            Map<String, Object> c = new TreeMap<>();
            c.put("interval", millis(group.get("interval")));
            c.put("limit", String.valueOf(group.get("limit")));
            List<Object> rules = new ArrayList<>();
            for (Object r : (List<Object>) group.get("rules")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                Map<String, Object> cr = new TreeMap<>();
                cr.put("name", rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record"));
                cr.put("expr", normalised(String.valueOf(rule.get("expr"))));
                cr.put("for", millis(rule.get("for")));
                cr.put("keep_firing_for", millis(rule.get("keep_firing_for")));
                cr.put("labels", new TreeMap<>((Map<String, Object>) rule.getOrDefault("labels", Map.of())).toString());
                cr.put("annotations", new TreeMap<>((Map<String, Object>) rule.getOrDefault("annotations", Map.of())).toString());
                rules.add(cr);
            }
            c.put("rules", rules);
            out.put(String.valueOf(group.get("name")), c);
        }
        return out;
    }

    private static String millis(Object duration) {
        return duration == null ? "none" : Long.toString(Durations.parseMillis(String.valueOf(duration)));
    }

    /** PromQL without comments and without whitespace outside string literals (promtool 2.42 has no formatter). */
    static String normalised(String promql) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < promql.length(); i++) {
            char c = promql.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int j = i + 1;
                while (j < promql.length() && promql.charAt(j) != c) {
                    j += c != '`' && promql.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(promql, i, Math.min(j + 1, promql.length()));
                i = j;
            } else if (c == '#') {
                while (i < promql.length() && promql.charAt(i) != '\n') {
                    i++;
                }
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void golden(Path expected, String actual, String what) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("%s (-Dgolden.update=true rewrites %s)", what, expected).isEqualTo(Files.readString(expected));
    }
}
