package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A bug in brokerwatch is told apart from bad input: its own exit code and one line asking for a report. */
class InternalErrorTest {

    @Command(name = "broken")
    static final class Broken implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a hole in the tree");
        }
    }

    @Test
    void internalErrorExitsThreeWithOneLineAskingForAReport() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Broken(), new String[0], new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("internal errors have their own exit code").isEqualTo(ExitCode.INTERNAL).isEqualTo(3);
        assertThat(err.toString()).as("one line naming the error and where to report it")
                .startsWith("brokerwatch: internal error: java.lang.IllegalStateException: a hole in the tree")
                .contains("issue tracker").contains("with the input that caused it")
                .satisfies(text -> {
                    if (System.getenv("BROKERWATCH_DEBUG") == null) {
                        assertThat(text.lines()).as("no stack trace unless BROKERWATCH_DEBUG is set").hasSize(1);
                    }
                });
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorExitsTwo() {
        Cli cli = Cli.run("check", "--no-such-option");
        assertThat(cli.exitCode()).as("an unknown option is a usage error: %s", cli.all()).isEqualTo(ExitCode.USAGE).isEqualTo(2);
    }
}
