package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.util.List;

/**
 * Imports of the form {@code import "brokerwatch:kafka-catalog"}: files of the curated pack embedded in the
 * brokerwatch jar, named independently of where the jar lives. {@code brokerwatch:NAME} is the pack's
 * {@code NAME.bw}; the imports inside such a file stay inside the pack. Every other location goes to the
 * user's loader.
 */
public final class BuiltinPack {
    /** The scheme of a built-in import. */
    public static final String SCHEME = "brokerwatch:";
    /** The names a user pack is meant to import, for messages and docs. */
    public static final List<String> DOCUMENTED = List.of("kafka-catalog", "kafka");

    private BuiltinPack() {
    }

    /** True for a location (or an import path) that names a file of the embedded pack. */
    public static boolean isBuiltin(String location) {
        return location.startsWith(SCHEME);
    }

    /** {@code files} for the user's own files, {@code pack} for the embedded pack's files by their path in it. */
    public static SourceLoader over(SourceLoader files, SourceLoader pack) {
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                if (!isBuiltin(location)) {
                    return files.load(location);
                }
                String inPack = location.substring(SCHEME.length());
                SourceFile source;
                try {
                    source = pack.load(inPack);
                } catch (IOException e) {
                    throw new IOException("the embedded pack has no " + inPack + " (built-in imports: "
                            + String.join(", ", DOCUMENTED.stream().map(n -> "\"" + SCHEME + n + "\"").toList()) + ")");
                }
                return new SourceFile(location, null, source.text());
            }

            @Override
            public String resolve(String from, String importPath) {
                if (isBuiltin(importPath)) {
                    String name = importPath.substring(SCHEME.length()).strip();
                    return SCHEME + (name.endsWith(".bw") ? name : name + ".bw");
                }
                if (isBuiltin(from)) {
                    return SCHEME + pack.resolve(from.substring(SCHEME.length()), importPath);
                }
                return files.resolve(from, importPath);
            }
        };
    }
}
