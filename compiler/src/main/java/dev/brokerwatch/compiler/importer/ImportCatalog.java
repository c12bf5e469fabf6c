package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditCatalog;
import dev.brokerwatch.compiler.audit.AuditGroup;
import dev.brokerwatch.compiler.audit.AuditRule;
import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterModel;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.parse.BwParser;
import dev.brokerwatch.dsl.semantics.PromQlWalker;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalog an imported pack is checked against, in the language's catalog syntax: for the brokerwatch agent
 * the curated catalog it embeds (an import), for any other exporter model an {@code external metric} declaration
 * (type, labels, where it comes from) of every series family the rules select that the model produces, with the
 * model's target labels. Families the model does not produce are listed in a comment ({@code check} reports each
 * use), and the family nearest to each of them is declared too, so that {@code check}'s "did you mean" can name it.
 */
public final class ImportCatalog {
    private final List<String> head;
    private final List<String> declarations;

    private ImportCatalog(List<String> head, List<String> declarations) {
        this.head = List.copyOf(head);
        this.declarations = List.copyOf(declarations);
    }

    /** {@code spec} as given to {@code --exporter}; {@code importPath} is what the sources import for a {@code .bw} catalog of the user's. */
    public static ImportCatalog of(String spec, ExporterModel model, AuditTarget target, List<CatalogMetric> externals,
                                   List<AuditGroup> groups, String importPath) {
        List<String> head = new ArrayList<>();
        head.add("# The series the rules select, as --exporter " + spec + " produces them on Kafka " + target.kafkaVersion()
                + " (" + target.role() + " nodes).");
        if (spec.strip().equals("brokerwatch")) {
            head.add("import \"brokerwatch:kafka-catalog\"");
            return new ImportCatalog(head, List.of());
        }
        if (importPath != null) {
            head.add("import \"" + importPath + "\"");
            return new ImportCatalog(head, List.of());
        }
        Catalog catalog = AuditCatalog.assemble(model, target, externals, List.of());
        TreeSet<String> recorded = new TreeSet<>();
        TreeSet<String> selected = new TreeSet<>();
        for (AuditGroup g : groups) {
            for (AuditRule r : g.rules()) {
                if (!r.alert()) {
                    recorded.add(r.name().text());
                }
                BwParser.ExprResult parsed = BwParser.parseExpr(SourceFile.ofString("expr", r.expr().text()));
                if (parsed.expr() != null) {
                    PromQlWalker.forEach(parsed.expr(), e -> {
                        if (e instanceof VectorSelector v) {
                            v.metricName().ifPresent(selected::add);
                        }
                    });
                }
            }
        }
        Map<String, CatalogMetric> families = new TreeMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String name : selected) {
            if (recorded.contains(name)) {
                continue;
            }
            catalog.series(name).ifPresentOrElse(s -> families.put(s.metric().name(), s.metric()), () -> missing.add(name));
        }
        // the nearest family to each missing name, so that check's "did you mean" can name it
        for (String name : missing) {
            catalog.suggest(name).flatMap(catalog::series).ifPresent(s -> families.put(s.metric().name(), s.metric()));
        }
        head.add("param target_labels = (" + String.join(", ", catalog.targetLabels()) + ")");
        if (!missing.isEmpty()) {
            head.add("# not produced by this exporter (check reports each use): " + String.join(", ", missing));
        }
        List<String> declarations = new ArrayList<>();
        for (CatalogMetric m : families.values()) {
            StringBuilder line = new StringBuilder("external metric ").append(m.name()).append(' ').append(m.type().keyword());
            line.append(" source ").append(source(m, model));
            if (!m.labels().isEmpty()) {
                line.append(" labels ").append(String.join(", ", m.labels()));
            }
            declarations.add(line.toString());
            if (m.help() != null && !m.help().isBlank()) {
                declarations.add("  help " + BwLiterals.string(m.help(), "  "));
            }
        }
        return new ImportCatalog(head, declarations);
    }

    /** The {@code source} word: the external catalog's own, or the model's name made an identifier. */
    private static String source(CatalogMetric m, ExporterModel model) {
        String source = m.source() == null ? model.name() : m.source();
        if (source.equals(model.name())) {
            source = model.name().contains(":") ? model.name().substring(0, model.name().indexOf(':')) : model.name();
        }
        String word = source.replaceAll("[^A-Za-z0-9_]", "_");
        return BwLiterals.isIdentifier(word) ? word : "exporter";
    }

    /** The catalog's lines, with the disable comments the importer decided on. */
    List<String> lines(Disables disables) {
        List<String> out = new ArrayList<>(head);
        disables.wholeFile.forEach((code, reason) -> out.add("# brokerwatch: disable-file=" + code.code() + " " + reason));
        if (!declarations.isEmpty()) {
            out.add("");
            out.addAll(declarations);
        }
        return out;
    }
}
