package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process and captures what it prints. No input may cause an internal error, so
 * every run that ends in one fails the test that made it.
 */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("brokerwatch %s ended in an internal error:%n%s", String.join(" ", args), err)
                .isNotEqualTo(ExitCode.INTERNAL);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Writes a source file below {@code dir} (folders included) for a command line to read. */
    static java.nio.file.Path write(java.nio.file.Path dir, String name, String text) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve(name);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, text);
        return file;
    }

    String all() {
        return out + err;
    }
}
