package dev.brokerwatch.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check has a directory under {@code src/test/resources/checks/<code>/}: {@code fires.bw} must make it
 * report at least one problem, {@code quiet.bw} none. What the user sees (the rendered caret output of that
 * check's problems) is kept next to each case as {@code <case>.expected}; run with {@code -Dgolden.update=true}
 * to rewrite them after a deliberate change, and review the diff.
 */
class CheckCasesTest {
    static final Path ROOT = Path.of("src/test/resources/checks");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".bw") && !p.getFileName().toString().equals("prelude.bw"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseReportsExactlyWhatItsGoldenFileShows(Path file) throws IOException {
        String code = ROOT.relativize(file.getParent()).toString().replace('\\', '/');
        boolean mustFire = file.getFileName().toString().startsWith("fires");
        CompileResult result = Frontend.run(List.of(file.toString()), SourceLoader.fileSystem(), Map.of());
        assertThat(result.usageErrors()).as("usage errors for %s", file).isEmpty();
        List<Diagnostic> own = result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        if (mustFire) {
            assertThat(own).as("%s must make %s report a problem; all diagnostics:%n%s", file, code, render(result.diagnostics())).isNotEmpty();
        } else {
            assertThat(own).as("%s must not make %s report anything", file, code).isEmpty();
        }
        String rendered = render(own);
        Path expected = Path.of(file.toString().replaceAll("\\.bw$", ".expected"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, rendered, StandardCharsets.UTF_8);
        }
        assertThat(expected).as("golden file %s (create it with -Dgolden.update=true)", expected).exists();
        assertThat(rendered).as("rendered problems of %s differ from %s", file, expected)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(DiagnosticRenderer::render).collect(Collectors.joining("\n"));
    }
}
