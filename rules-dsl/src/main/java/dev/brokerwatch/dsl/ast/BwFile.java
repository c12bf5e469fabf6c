package dev.brokerwatch.dsl.ast;

import dev.brokerwatch.dsl.source.SourceFile;
import java.util.List;

/** One parsed .bw file. */
public record BwFile(SourceFile source, List<Statement> statements) {
    public BwFile {
        statements = List.copyOf(statements);
    }
}
