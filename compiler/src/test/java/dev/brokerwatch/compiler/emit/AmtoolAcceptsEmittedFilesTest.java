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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted Alertmanager config of every golden input, judged by the real amtool: {@code amtool check-config}
 * accepts it, and every delivery test's routing expectation passes {@code amtool config routes test}.
 */
class AmtoolAcceptsEmittedFilesTest {

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> amtoolAcceptsEveryConfigAndPassesEveryRoutingExpectation() throws IOException {
        Amtool amtool = Amtool.find();
        List<DynamicTest> tests = new ArrayList<>();
        for (String caseName : GoldenFiles.cases("alertmanager")) {
            Path dir = emit(caseName, GoldenFiles.read(GoldenFiles.root().resolve("alertmanager").resolve(caseName)
                    .resolve(GoldenFiles.INPUT)));
            Path config = dir.resolve("alertmanager/alertmanager.yml");
            tests.add(DynamicTest.dynamicTest("check-config " + caseName,
                    () -> expectSuccess(amtool.run(dir, "check-config", config.toString()))));
            Path routes = dir.resolve("alertmanager/routes-test.sh");
            if (Files.exists(routes)) {
                tests.add(DynamicTest.dynamicTest("routes test " + caseName, () -> expectSuccess(amtool.script(routes))));
            }
        }
        assertThat(tests).as("configs and routing tests to check").isNotEmpty();
        return tests.stream();
    }

    @Test
    void amtoolAcceptsTheCommittedConfigOfTheCuratedPackAndItsRoutingExpectations() {
        Amtool amtool = Amtool.find();
        Path dir = Path.of(System.getProperty("brokerwatch.repo", ".."), "alerts", "out", "alertmanager").toAbsolutePath();
        expectSuccess(amtool.run(dir, "check-config", dir.resolve("alertmanager.yml").toString()));
        expectSuccess(amtool.script(dir.resolve("routes-test.sh")));
    }

    /** Guards the harness: a routing expectation the tree contradicts must fail the generated script. */
    @Test
    void aWrongReceiverExpectationFailsTheGeneratedScript() throws IOException {
        Amtool amtool = Amtool.find();
        Path dir = emit("wrong", """
                external metric up gauge source prometheus
                group g {
                  alert Down {
                    expr up == 0
                    severity warning
                    summary "s"
                    description "d"
                    runbook "r"
                    delivery "expects a page for a warning" {
                      labels { namespace="k" }
                      expect receiver page
                    }
                  }
                }
                """);
        Amtool.Run run = amtool.script(dir.resolve("alertmanager/routes-test.sh"));
        assertThat(run.ok()).as("a warning reaches the ticket receiver, so expecting page must fail:%n%s", run.describe()).isFalse();
        assertThat(run.output()).as("amtool's own report names the receiver it found").contains("ticket");
    }

    private Path emit(String name, String source) throws IOException {
        Pack pack = InMemorySources.of(GoldenFiles.INPUT, source).pack();
        assertThat(pack).as("pack of %s compiles", name).isNotNull();
        Path dir = out.resolve(name);
        for (OutputFile file : Emitters.emitAll(pack, GoldenFiles.OPTIONS)) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static void expectSuccess(Amtool.Run run) {
        assertThat(run.ok()).as(run.describe()).isTrue();
    }
}
