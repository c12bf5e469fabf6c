package dev.brokerwatch.compiler.api;

import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.compiler.report.TextReporter;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link PackCompiler#compile()} produced: usage errors (a bad {@code set} value, a missing file), the
 * diagnostics of every check, and the output files, which are empty when there were errors.
 */
public record Compilation(List<String> usageErrors, List<Diagnostic> diagnostics, List<OutputFile> files) {
    public Compilation {
        usageErrors = List.copyOf(usageErrors);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    /** True when there is no usage error and no error diagnostic: the files were emitted. */
    public boolean succeeded() {
        return usageErrors.isEmpty() && diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }

    /** True when it succeeded with no warning either ({@code --strict}). */
    public boolean clean() {
        return succeeded() && diagnostics.stream().noneMatch(d -> d.severity() == Severity.WARNING);
    }

    /** The usage errors and diagnostics as the command line prints them (file:line:col, message, hint). */
    public String report() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            usageErrors.forEach(e -> out.println("brokerwatch: " + e));
            new TextReporter().report(diagnostics, out);
        }
        return text.toString();
    }

    /**
     * Writes every output file under {@code dir}, skipping files whose bytes are already there (their
     * modification time stays), and returns the paths written or kept.
     */
    public Set<Path> writeTo(Path dir) throws IOException {
        if (!succeeded()) {
            throw new IllegalStateException("nothing to write: the compilation failed:\n" + report());
        }
        Set<Path> written = new TreeSet<>();
        for (OutputFile file : files) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
            written.add(target.normalize());
        }
        return written;
    }
}
