package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real promtool, run on emitted files; its whole output is kept so that a failure shows what it said. */
public final class Promtool {
    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /** /usr/bin/promtool or promtool on the PATH; a missing promtool fails the test, it never skips it. */
    public static Promtool find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/promtool")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "promtool"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Promtool::new)
                .orElseThrow(() -> new AssertionError("promtool not found: run scripts/install-test-deps.sh"));
    }

    public record Run(List<String> command, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }

    public Run run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish in 60 s:\n" + output);
            }
            return new Run(command, process.exitValue(), output);
        } catch (IOException e) {
            return fail("could not run " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        }
    }
}
