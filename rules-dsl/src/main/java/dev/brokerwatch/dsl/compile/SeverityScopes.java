package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.SeveritiesDecl;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Which severities an alert may take. A {@code severities} line holds for the alerts of its own file and of the
 * files it imports that have none of their own, so a user pack with {@code severities page, ticket} can import
 * the curated pack, whose alerts keep being checked against its {@code critical, warning, info}. A file imported
 * by several files takes the scope of the one that imported it first. Without any line: {@link #DEFAULT}.
 */
public record SeverityScopes(Map<String, SeveritiesDecl> byFile) {
    public static final List<String> DEFAULT = List.of("critical", "warning", "info");

    public SeverityScopes {
        byFile = Map.copyOf(byFile);
    }

    /** The declaration that holds for alerts in {@code file}, or null when the default holds. */
    public SeveritiesDecl declarationFor(SourceFile file) {
        return byFile.get(file.displayPath());
    }

    /** The severities alerts in {@code file} may take. */
    public List<String> allowedIn(SourceFile file) {
        SeveritiesDecl declared = declarationFor(file);
        return declared == null ? DEFAULT : declared.names().stream().map(Ident::text).toList();
    }
}
