package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --disable code[,code]} on check and compile: those codes are not reported in that run. */
class DisableOptionTest {
    static final String COUNTER_COMPARED = CheckCommandTest.CATALOG + """
            group broker {
              alert IsrShrinks {
                expr sum by (pod) (kafka_server_replicamanager_isrshrinks_total) > 10
                for 10m
                severity warning
                summary "s"
                description "d"
                runbook "r"
              }
            }
            """;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Cli.write(dir, name, text);
    }

    @Test
    void aDisabledCodeIsNotReported() throws IOException {
        Path file = write("a.bw", COUNTER_COMPARED);
        assertThat(Cli.run("check", "--strict", file.toString()).out()).as("without --disable")
                .contains("warning[promql/counter-threshold]");
        Cli cli = Cli.run("check", "--strict", "--disable", "promql/counter-threshold", file.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).as("nothing is left to report").isEmpty();
    }

    @Test
    void severalCodesAreCommaSeparatedOrRepeated() throws IOException {
        Path file = write("a.bw", COUNTER_COMPARED.replace("for 10m", "for 10s"));
        Cli cli = Cli.run("check", "--strict", "--disable", "promql/counter-threshold,rule/for-interval", file.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        Cli repeated = Cli.run("check", "--strict", "--disable", "promql/counter-threshold", "--disable", "rule/for-interval", file.toString());
        assertThat(repeated.exitCode()).as(repeated.all()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownCodeIsAUsageErrorThatSuggestsTheRightOne() throws IOException {
        Cli cli = Cli.run("check", "--disable", "promql/counter-treshold", write("a.bw", COUNTER_COMPARED).toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).isEqualTo("brokerwatch: --disable promql/counter-treshold: unknown check code; "
                + "did you mean promql/counter-threshold? (brokerwatch checks lists every code)" + System.lineSeparator());
    }

    @Test
    void errorsThatMakeThePackUnusableCannotBeDisabled() throws IOException {
        Path file = write("a.bw", COUNTER_COMPARED);
        Cli syntax = Cli.run("check", "--disable", "syntax/invalid", file.toString());
        assertThat(syntax.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(syntax.err()).contains("--disable syntax/invalid: cannot be disabled: a file that does not parse leaves the pack unusable");
        Cli imports = Cli.run("check", "--disable", "import/unresolved", file.toString());
        assertThat(imports.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(imports.err()).contains("cannot be disabled: an import that cannot be read leaves the pack unusable");
    }

    @Test
    void compileAcceptsDisableToo() throws IOException {
        Path file = write("a.bw", COUNTER_COMPARED);
        Cli cli = Cli.run("compile", "--strict", "--disable", "promql/counter-threshold", "--out", dir.resolve("out").toString(), file.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(Cli.run("compile", "--disable", "nope/nope", "--out", dir.resolve("out").toString(), file.toString()).exitCode())
                .as("an unknown code is a usage error for compile as well").isEqualTo(ExitCode.USAGE);
    }
}
