package dev.brokerwatch.dsl.dashboard;

import dev.brokerwatch.dsl.ast.LinkDecl;

/** A link with its final URL; {@code decl} says what it was written as (for checks). */
public record ResolvedLink(String title, String url, LinkDecl decl) {
}
