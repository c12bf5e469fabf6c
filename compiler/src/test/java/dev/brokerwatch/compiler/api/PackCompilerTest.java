package dev.brokerwatch.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.compiler.cli.Main;
import dev.brokerwatch.compiler.emit.OutputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler as a library: what it compiles must be what {@code brokerwatch compile} writes. */
class PackCompilerTest {
    @TempDir
    Path dir;

    @Test
    void theCuratedPackCompilesCleanToWhatTheCommandLineWrites() throws IOException {
        Compilation c = PackCompiler.curated().set("under_replicated_for", "3m").compile();
        assertThat(c.clean()).as("the curated pack has no error or warning:\n%s", c.report()).isTrue();
        Path out = dir.resolve("cli");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"compile", "--out", out.toString(), "--set", "under_replicated_for=3m"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(byPath(c.files())).as("the library's files are the command line's, byte for byte").isEqualTo(tree(out));
    }

    @Test
    void theCuratedAlertsAreThePackWithoutItsDashboards() {
        Map<String, String> all = byPath(PackCompiler.curated().compile().files());
        Map<String, String> alerts = byPath(PackCompiler.curatedAlerts().compile().files());
        assertThat(alerts.keySet()).as("no dashboard is emitted").noneMatch(p -> p.startsWith("grafana"))
                .contains("prometheus/kafka-broker.rules.yml", "promtool/kafka-broker.test.yml");
        assertThat(all.keySet()).anyMatch(p -> p.startsWith("grafana/"));
        assertThat(alerts.get("prometheus/kafka-broker.rules.yml")).as("the same rules either way")
                .isEqualTo(all.get("prometheus/kafka-broker.rules.yml"));
    }

    @Test
    void aMisspelledParamIsAUsageErrorWithASuggestionAndNothingIsEmitted() {
        Compilation c = PackCompiler.curatedAlerts().set("under_replicated_fro", "5m").compile();
        assertThat(c.succeeded()).isFalse();
        assertThat(c.files()).isEmpty();
        assertThat(c.report()).contains("under_replicated_fro").contains("did you mean under_replicated_for?");
    }

    @Test
    void sourcesWithErrorsEmitNothingAndTheReportGivesTheirPositions() throws IOException {
        Path source = Files.writeString(dir.resolve("bad.bw"),
                "severities critical\n\ngroup g interval 1m {\n  alert A {\n    expr (1 +\n  }\n}\n");
        Compilation c = PackCompiler.files(List.of(source)).compile();
        assertThat(c.succeeded()).isFalse();
        assertThat(c.files()).isEmpty();
        assertThat(c.report()).as("file:line:col of each problem").containsPattern("bad\\.bw:\\d+:\\d+");
        assertThatThrownBy(() -> c.writeTo(dir.resolve("out"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to write");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void writingAgainLeavesUnchangedFilesAlone() throws IOException {
        Compilation c = PackCompiler.curatedAlerts().compile();
        Path out = dir.resolve("out");
        c.writeTo(out);
        Path rules = out.resolve("prometheus/kafka-broker.rules.yml");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(rules, old);
        c.writeTo(out);
        assertThat(Files.getLastModifiedTime(rules)).as("an identical file is not rewritten").isEqualTo(old);
    }

    @Test
    void anEmptyListOfFilesIsRefusedWithTheWayToTheCuratedPack() {
        assertThatThrownBy(() -> PackCompiler.files(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PackCompiler.curated()");
    }

    private static Map<String, String> byPath(List<OutputFile> files) {
        return files.stream().collect(Collectors.toMap(OutputFile::path, OutputFile::content, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
