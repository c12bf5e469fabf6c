package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** .bw files held in memory, compiled by the real front end; the first file is the root. */
final class InMemorySources {
    private final Map<String, String> files = new LinkedHashMap<>();

    static InMemorySources of(String name, String text) {
        return new InMemorySources().with(name, text);
    }

    InMemorySources with(String name, String text) {
        files.put(name, text);
        return this;
    }

    /** The checked pack; fails with the rendered diagnostics when the sources have errors. */
    Pack pack(Map<String, String> overrides) {
        CompileResult result = Frontend.run(List.of(files.keySet().iterator().next()), loader(), overrides);
        if (result.hasErrors() || !result.usageErrors().isEmpty() || result.pack() == null) {
            throw new AssertionError("the sources do not compile:\n" + result.usageErrors() + "\n"
                    + result.diagnostics().stream().map(DiagnosticRenderer::render).collect(Collectors.joining()));
        }
        return result.pack();
    }

    Pack pack() {
        return pack(Map.of());
    }

    private SourceLoader loader() {
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                String text = files.get(location);
                if (text == null) {
                    throw new IOException("no such file: " + location);
                }
                return SourceFile.ofString(location, text);
            }

            @Override
            public String resolve(String from, String importPath) {
                Path parent = Path.of(from).getParent();
                return (parent == null ? Path.of(importPath) : parent.resolve(importPath)).normalize().toString();
            }
        };
    }
}
