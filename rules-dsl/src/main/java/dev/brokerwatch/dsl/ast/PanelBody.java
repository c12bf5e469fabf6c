package dev.brokerwatch.dsl.ast;

import java.util.List;

/**
 * The clauses of a panel; absent ones are null (lists empty). A template's body is the base that a
 * {@code use} overrides clause by clause ({@link #overriddenBy}).
 */
public record PanelBody(List<PanelQuery> queries, Ident unit, NumberLit decimals, NumberLit min, NumberLit max,
                        List<ThresholdStep> thresholds, StackMode stack, List<LinkDecl> links, StringLit description,
                        StringLit content, NumberLit width, NumberLit height, Placement place, NumberLit id) {

    /** {@code stack} stacks series on each other; {@code stack percent} as shares of 100%. */
    public enum StackMode { NORMAL, PERCENT }

    public static final PanelBody EMPTY = new PanelBody(List.of(), null, null, null, null, List.of(), null, List.of(),
            null, null, null, null, null, null);

    public PanelBody {
        queries = List.copyOf(queries);
        thresholds = List.copyOf(thresholds);
        links = List.copyOf(links);
    }

    /** This body with every clause that {@code other} sets replaced; lists are replaced whole. */
    public PanelBody overriddenBy(PanelBody other) {
        return new PanelBody(
                other.queries.isEmpty() ? queries : other.queries,
                or(other.unit, unit), or(other.decimals, decimals), or(other.min, min), or(other.max, max),
                other.thresholds.isEmpty() ? thresholds : other.thresholds,
                or(other.stack, stack),
                other.links.isEmpty() ? links : other.links,
                or(other.description, description), or(other.content, content), or(other.width, width),
                or(other.height, height), or(other.place, place), or(other.id, id));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
