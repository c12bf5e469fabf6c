package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where source files come from: the file system, or the curated pack embedded in the jar. */
public interface SourceLoader {

    /** Reads a file named by its location; throws IOException with a message fit for users. */
    SourceFile load(String location) throws IOException;

    /** The location of {@code importPath} written in the file at {@code from}. */
    String resolve(String from, String importPath);

    /** Plain files; locations are paths, shown relative to the working directory when they are below it. */
    static SourceLoader fileSystem() {
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                Path path = Path.of(location);
                if (!Files.exists(path)) {
                    throw new IOException("no such file");
                }
                if (Files.isDirectory(path)) {
                    throw new IOException("is a directory, not a .bw file");
                }
                byte[] bytes = Files.readAllBytes(path);
                return new SourceFile(location, path, new String(bytes, StandardCharsets.UTF_8));
            }

            @Override
            public String resolve(String from, String importPath) {
                Path base = Path.of(from).getParent();
                Path target = base == null ? Path.of(importPath) : base.resolve(importPath);
                return target.normalize().toString();
            }
        };
    }

    /** Resources on the class path, under a root such as {@code /packs/kafka}. */
    static SourceLoader classpath(Class<?> anchor, String root) {
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                try (InputStream in = anchor.getResourceAsStream(root + "/" + location)) {
                    if (in == null) {
                        throw new IOException("no such file in the embedded pack");
                    }
                    return new SourceFile(location, null, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }

            @Override
            public String resolve(String from, String importPath) {
                int slash = from.lastIndexOf('/');
                String joined = slash < 0 ? importPath : from.substring(0, slash + 1) + importPath;
                return Path.of(joined).normalize().toString().replace('\\', '/');
            }
        };
    }
}
