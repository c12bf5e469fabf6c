package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.cli.EmbeddedPack;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.resolve.BuiltinPack;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The brokerwatch agent: it exports exactly its catalog, so the model is that catalog: the curated one embedded
 * in this jar, a {@code .bw} catalog of the user's, or a compiled agent mapping file (what the agent loads).
 * The agent's JVM series come with it. The node role does not change the model: the agent exports what the
 * node registers, and the catalog marks what only some nodes have.
 */
public final class BrokerwatchModel implements ExporterModel {
    static final String CURATED_CATALOG = "kafka-catalog.bw";

    private final String name;
    private final List<CatalogMetric> metrics;
    private final List<String> targetLabels;
    private final List<Diagnostic> findings;

    private BrokerwatchModel(String name, List<CatalogMetric> metrics, List<String> targetLabels, List<Diagnostic> findings) {
        this.name = name;
        this.metrics = List.copyOf(metrics);
        this.targetLabels = List.copyOf(targetLabels);
        this.findings = List.copyOf(findings);
    }

    static BrokerwatchModel create(String argument, List<ExporterConfigSource> found) throws ExporterSpecException {
        if (argument == null) {
            return fromPack("brokerwatch", List.of(CURATED_CATALOG), EmbeddedPack.loader());
        }
        if (argument.endsWith(".bw")) {
            return fromPack("brokerwatch:" + argument, List.of(argument),
                    BuiltinPack.over(SourceLoader.fileSystem(), EmbeddedPack.loader()));
        }
        return fromMapping(argument);
    }

    private static BrokerwatchModel fromPack(String name, List<String> roots, SourceLoader loader) throws ExporterSpecException {
        CompileResult result = Frontend.run(roots, loader, Map.of());
        if (!result.usageErrors().isEmpty()) {
            throw new ExporterSpecException("--exporter " + name + ": " + String.join("; ", result.usageErrors()));
        }
        List<CatalogMetric> metrics = new ArrayList<>();
        for (CatalogMetric m : result.pack().catalog().metrics()) {
            if (producedByAgent(m)) {
                metrics.add(m);
            }
        }
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        return new BrokerwatchModel(name, metrics, List.copyOf(result.pack().catalog().targetLabels()), errors);
    }

    /** The agent's own series: JMX, cgroup, and the JVM's; not other exporters' and not recording-rule outputs. */
    private static boolean producedByAgent(CatalogMetric m) {
        return m.origin() == Origin.JMX || m.origin() == Origin.CGROUP
                || (m.origin() == Origin.EXTERNAL && "jvm".equals(m.source()));
    }

    /**
     * A compiled agent mapping: {@code metric NAME TYPE} lines with the labels of their {@code label NAME KEY},
     * {@code const NAME VALUE} and {@code value-label NAME} lines.
     */
    private static BrokerwatchModel fromMapping(String file) throws ExporterSpecException {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ExporterSpecException("--exporter brokerwatch:" + file + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (!text.lines().anyMatch(l -> l.startsWith("brokerwatch-mapping "))) {
            throw new ExporterSpecException("--exporter brokerwatch:" + file + ": neither a .bw catalog nor an agent mapping "
                    + "(a mapping starts with a 'brokerwatch-mapping 1' line; compile writes one to out/agent/)");
        }
        BrokerwatchModel curated = fromPack("brokerwatch", List.of(CURATED_CATALOG), EmbeddedPack.loader());
        List<CatalogMetric> metrics = new ArrayList<>(curated.metrics.stream().filter(m -> m.origin() == Origin.EXTERNAL).toList());
        String metricName = null;
        MetricType type = null;
        TreeSet<String> labels = new TreeSet<>();
        boolean cgroup = false;
        for (String line : (text + "\nmetric").lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words[0].equals("metric")) {
                if (metricName != null) {
                    metrics.add(new CatalogMetric(metricName, type, labels, "", null, cgroup ? Origin.CGROUP : Origin.JMX,
                            "agent mapping " + file, null, null, null, null, List.of(), null, true));
                }
                metricName = words.length > 2 ? words[1] : null;
                type = words.length > 2 ? MetricType.valueOf(words[2].toUpperCase(java.util.Locale.ROOT)) : null;
                labels = new TreeSet<>();
                cgroup = false;
            } else if ((words[0].equals("label") || words[0].equals("const") || words[0].equals("value-label"))
                    && words.length > 1) {
                labels.add(words[1]);
            } else if (words[0].equals("cgroup")) {
                cgroup = true;
            }
        }
        return new BrokerwatchModel("brokerwatch:" + file, metrics, curated.targetLabels, List.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Catalog catalog(AuditTarget target) {
        return Catalog.of(metrics, targetLabels);
    }

    @Override
    public List<Diagnostic> configFindings(AuditTarget target) {
        return findings;
    }
}
