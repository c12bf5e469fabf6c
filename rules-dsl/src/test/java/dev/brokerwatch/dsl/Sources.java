package dev.brokerwatch.dsl;

import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** In-memory .bw files for tests. */
public final class Sources {
    private final Map<String, String> files = new LinkedHashMap<>();

    public static Sources of(String name, String text) {
        return new Sources().with(name, text);
    }

    public static Sources of(Map<String, String> files) {
        Sources sources = new Sources();
        files.forEach(sources::with);
        return sources;
    }

    public Sources with(String name, String text) {
        files.put(name, text);
        return this;
    }

    public SourceLoader loader() {
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                String text = files.get(location);
                if (text == null) {
                    throw new IOException("no such file");
                }
                return SourceFile.ofString(location, text);
            }

            @Override
            public String resolve(String from, String importPath) {
                Path parent = Path.of(from).getParent();
                return (parent == null ? Path.of(importPath) : parent.resolve(importPath)).normalize().toString()
                        .replace('\\', '/');
            }
        };
    }

    public CompileResult compile() {
        return compile(Map.of());
    }

    public CompileResult compile(Map<String, String> overrides) {
        return Frontend.run(List.of(files.keySet().iterator().next()), loader(), overrides);
    }

    public static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(DiagnosticRenderer::render).collect(Collectors.joining());
    }
}
