package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.compile.Pack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule file and every unit test emitted for the golden inputs, checked by the real promtool:
 * {@code promtool check rules} on prometheus/*.rules.yml and promtool/*.rules.yml, {@code promtool test rules}
 * on promtool/*.test.yml (which really evaluates the alerts against the test series).
 */
class PromtoolAcceptsEmittedFilesTest {

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> promtoolAcceptsEveryRuleFileAndPassesEveryTest() throws IOException {
        Promtool promtool = Promtool.find();
        List<DynamicTest> tests = new ArrayList<>();
        for (String emitter : List.of("prometheus", "promtool")) {
            for (String caseName : GoldenFiles.cases(emitter)) {
                Path input = GoldenFiles.root().resolve(emitter).resolve(caseName).resolve(GoldenFiles.INPUT);
                Pack pack = InMemorySources.of(GoldenFiles.INPUT, GoldenFiles.read(input)).pack();
                Path dir = out.resolve(emitter + "-" + caseName);
                for (OutputFile file : Emitters.emitAll(pack, GoldenFiles.OPTIONS)) {
                    Path target = dir.resolve(file.path());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.content(), StandardCharsets.UTF_8);
                }
                for (String sub : List.of("prometheus", "promtool")) {
                    for (Path file : list(dir.resolve(sub), ".rules.yml")) {
                        tests.add(DynamicTest.dynamicTest("check rules " + emitter + "/" + caseName + "/" + sub + "/" + file.getFileName(),
                                () -> expectSuccess(promtool.run(file.getParent(), "check", "rules", file.getFileName().toString()))));
                    }
                }
                for (Path file : list(dir.resolve("promtool"), ".test.yml")) {
                    tests.add(DynamicTest.dynamicTest("test rules " + emitter + "/" + caseName + "/" + file.getFileName(),
                            () -> expectSuccess(promtool.run(file.getParent(), "test", "rules", file.getFileName().toString()))));
                }
            }
        }
        assertThat(tests).as("rule files and tests to check").isNotEmpty();
        return tests.stream();
    }

    /** Guards the harness: a wrong expectation must fail, and the failure must carry promtool's own exp/got report. */
    @org.junit.jupiter.api.Test
    void aWrongExpectationFailsAndShowsWhatPromtoolSaid() throws IOException {
        Promtool promtool = Promtool.find();
        Pack pack = InMemorySources.of("wrong.bw", """
                metric kafka_server_replicamanager_underreplicatedpartitions gauge
                  help "Under-replicated partitions"
                  jmx "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions"
                group kafka {
                  alert KafkaUnderReplicated {
                    expr sum by (instance) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                    severity warning
                    summary "{{ $labels.instance }} is under-replicated"
                    description "d"
                    runbook "https://example.com/r"
                    test "expects the wrong instance" {
                      series kafka_server_replicamanager_underreplicatedpartitions{instance="b0"} "1x10"
                      expect firing at 5m { instance="b9" }
                    }
                  }
                }
                """).pack();
        Path dir = Files.createDirectories(out.resolve("wrong"));
        for (OutputFile file : new PromtoolTestEmitter().emit(pack, GoldenFiles.OPTIONS)) {
            Files.writeString(dir.resolve(Path.of(file.path()).getFileName()), file.content(), StandardCharsets.UTF_8);
        }
        Promtool.Run run = promtool.run(dir, "test", "rules", "wrong.test.yml");
        assertThat(run.ok()).isFalse();
        assertThat(run.describe()).contains("FAILED").contains("instance=\"b9\"").contains("instance=\"b0\"");
    }

    private static void expectSuccess(Promtool.Run run) {
        assertThat(run.ok()).as(run.describe()).isTrue();
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
