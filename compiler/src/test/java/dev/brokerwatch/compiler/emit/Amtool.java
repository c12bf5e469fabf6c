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

/** The real amtool (Debian's prometheus-alertmanager), run on emitted files; its whole output is kept. */
final class Amtool {
    final Path binary;

    private Amtool(Path binary) {
        this.binary = binary;
    }

    /** /usr/bin/amtool or amtool on the PATH; a missing amtool fails the test, it never skips it. */
    static Amtool find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/amtool")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "amtool"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Amtool::new)
                .orElseThrow(() -> new AssertionError("amtool not found: run scripts/install-test-deps.sh "
                        + "(installs Debian's prometheus-alertmanager)"));
    }

    record Run(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }

    /** amtool with these arguments. */
    Run run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        return exec(workingDirectory, command);
    }

    /** An emitted shell script that calls amtool through $AMTOOL. */
    Run script(Path script) {
        List<String> command = List.of("/bin/sh", script.toString());
        return exec(script.getParent(), command);
    }

    private Run exec(Path workingDirectory, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
            builder.environment().put("AMTOOL", binary.toString());
            Process process = builder.start();
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
