package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditGroup;
import dev.brokerwatch.compiler.audit.AuditInputs;
import dev.brokerwatch.compiler.audit.AuditResource;
import dev.brokerwatch.compiler.audit.AuditRule;
import dev.brokerwatch.compiler.audit.RuleEntry;
import dev.brokerwatch.compiler.cli.EmbeddedPack;
import dev.brokerwatch.compiler.emit.EmitOptions;
import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.compiler.emit.PrometheusRuleFileEmitter;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.BuiltinPack;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rule groups read from YAML into {@code .bw} files. The files are written, then checked by the real
 * front end: where a check fires only because brokerwatch's house style differs from the team's (their severity
 * names, their annotation keys, two alerts of one name, which Prometheus allows) the file gets a disable comment
 * saying so, and is written again. Finally the sources are compiled to rule files in memory and compared with what
 * was read, so that a difference can never pass silently.
 */
public final class Importer {
    static final CheckCode NOT_CARRIED = CheckCode.IMPORT_NOT_CARRIED;
    static final String CATALOG_FILE = "catalog";

    /** {@code folder} is where the files will be written ("" for standard output); {@code catalog} null without a model. */
    public record Options(String folder, boolean singleFile, ImportCatalog catalog, String kafkaVersion) {
    }

    /**
     * The files; {@code problems} what could not be carried (and read problems of the YAML); {@code findings} what
     * {@code check} says about the written sources.
     */
    public record Result(List<ImportedFile> files, List<Diagnostic> problems, List<Diagnostic> findings, List<String> usageErrors,
                         int groups, int alerts, int records) {
    }

    private Importer() {
    }

    public static Result run(AuditInputs inputs, Options options) {
        List<ImportUnit> units = units(inputs.groups(), options.singleFile());
        Map<ImportUnit, Disables> disables = new LinkedHashMap<>();
        units.forEach(u -> disables.put(u, new Disables()));
        Disables catalogDisables = new Disables();
        Pass first = pass(units, disables, catalogDisables, options);
        houseStyle(first, disables, catalogDisables, options);
        Pass second = pass(units, disables, catalogDisables, options);
        List<Diagnostic> problems = new ArrayList<>(inputs.problems());
        second.written.values().forEach(w -> problems.addAll(w.notCarried()));
        problems.addAll(metadata(inputs.groups()));
        problems.addAll(RoundTrip.differences(inputs.groups(), second.compiled, second.written.values()));
        int alerts = 0;
        int records = 0;
        for (AuditGroup g : inputs.groups()) {
            for (AuditRule r : g.rules()) {
                if (r.alert()) {
                    alerts++;
                } else {
                    records++;
                }
            }
        }
        return new Result(second.files, problems, second.findings, second.usageErrors, inputs.groups().size(), alerts, records);
    }

    // --- units ------------------------------------------------------------------------------------------

    private static List<ImportUnit> units(List<AuditGroup> groups, boolean single) {
        Map<String, List<AuditGroup>> byOrigin = new LinkedHashMap<>();
        Map<String, AuditResource> resources = new LinkedHashMap<>();
        for (AuditGroup g : groups) {
            String origin = g.name().file().displayPath() + (g.where().equals(g.name().file().displayPath()) ? "" : " (" + g.where() + ")");
            byOrigin.computeIfAbsent(origin, k -> new ArrayList<>()).add(g);
            resources.putIfAbsent(origin, g.resource());
        }
        if (single) {
            return List.of(new ImportUnit("imported", String.join(", ", byOrigin.keySet()), null, groups));
        }
        List<ImportUnit> units = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>(List.of(CATALOG_FILE));
        for (Map.Entry<String, List<AuditGroup>> e : byOrigin.entrySet()) {
            AuditGroup first = e.getValue().get(0);
            String base = fileName(first);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            units.add(new ImportUnit(name, e.getKey(), resources.get(e.getKey()), e.getValue()));
        }
        return units;
    }

    /** The resource's name, the ConfigMap key's or the file's stem, in characters every file system takes. */
    private static String fileName(AuditGroup g) {
        String raw;
        if (g.resource() != null && g.resource().name() != null) {
            raw = g.resource().name();
        } else if (g.where().startsWith("ConfigMap ")) {
            raw = g.where().substring(g.where().lastIndexOf(' ') + 1);
        } else {
            raw = Path.of(g.name().file().displayPath()).getFileName().toString();
        }
        raw = raw.replaceAll("\\.(ya?ml|json)$", "").replaceAll("\\.rules$", "");
        String clean = raw.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[.-]+", "");
        return clean.isEmpty() ? "rules" : clean;
    }

    // --- one pass: write, check, compile ------------------------------------------------------------------

    private record Pass(List<ImportedFile> files, Map<String, BwSourceWriter.Written> written, Map<String, ImportUnit> unitsByFile,
                        List<Diagnostic> findings, List<OutputFile> compiled, List<String> usageErrors) {
    }

    private static Pass pass(List<ImportUnit> units, Map<ImportUnit, Disables> disables, Disables catalogDisables, Options options) {
        List<ImportedFile> files = new ArrayList<>();
        Map<String, BwSourceWriter.Written> written = new LinkedHashMap<>();
        Map<String, ImportUnit> unitsByFile = new LinkedHashMap<>();
        List<String> header = new ArrayList<>();
        if (options.catalog() != null) {
            if (options.singleFile()) {
                header.add("");
                header.addAll(options.catalog().lines(catalogDisables));
            } else {
                header.add("");
                header.add("import \"" + CATALOG_FILE + ".bw\"");
                files.add(new ImportedFile(CATALOG_FILE + ".bw", String.join("\n", options.catalog().lines(catalogDisables)) + "\n"));
            }
        }
        for (ImportUnit unit : units) {
            BwSourceWriter.Written w = BwSourceWriter.write(unit, header, severities(unit), disables.get(unit));
            String name = unit.name() + ".bw";
            files.add(new ImportedFile(name, w.text()));
            written.put(location(options, name), w);
            unitsByFile.put(location(options, name), unit);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(f -> texts.put(location(options, f.name()), f.text()));
        CompileResult result = Frontend.run(new ArrayList<>(written.keySet()), BuiltinPack.over(memory(texts), EmbeddedPack.loader()),
                Map.of(Params.KAFKA_VERSION, options.kafkaVersion()));
        List<Diagnostic> findings = new ArrayList<>(result.diagnostics());
        List<OutputFile> compiled = result.pack() == null ? List.of()
                : new PrometheusRuleFileEmitter().emit(result.pack(), new EmitOptions("imported", "monitoring", Map.of()));
        return new Pass(files, written, unitsByFile, findings, compiled, result.usageErrors());
    }

    private static String location(Options options, String name) {
        return options.folder().isEmpty() ? name : Path.of(options.folder()).resolve(name).toString();
    }

    /** The written files by their location; anything else (a catalog the user named) from the file system. */
    private static SourceLoader memory(Map<String, String> texts) {
        SourceLoader files = SourceLoader.fileSystem();
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                String text = texts.get(location);
                return text != null ? new SourceFile(location, null, text) : files.load(location);
            }

            @Override
            public String resolve(String from, String importPath) {
                return files.resolve(from, importPath);
            }
        };
    }

    /** The severity names the unit's alerts use, in order of first use. */
    private static List<String> severities(ImportUnit unit) {
        Set<String> names = new LinkedHashSet<>();
        for (AuditGroup g : unit.groups()) {
            for (AuditRule r : g.rules()) {
                if (r.alert()) {
                    r.labels().stream().filter(l -> l.key().text().equals("severity")).map(l -> l.value().text())
                            .filter(BwLiterals::isIdentifier).findFirst().ifPresent(names::add);
                }
            }
        }
        return List.copyOf(names);
    }

    // --- house style ------------------------------------------------------------------------------------

    /** Disable comments for the checks that fire on the first pass only because of brokerwatch's house style. */
    private static void houseStyle(Pass pass, Map<ImportUnit, Disables> disables, Disables catalogDisables, Options options) {
        for (Diagnostic d : pass.findings()) {
            String file = d.span() == null ? null : d.span().file().displayPath();
            ImportUnit unit = pass.unitsByFile().get(file);
            if (unit == null) {
                if (d.check() == CheckCode.CATALOG_NAMING && file != null && file.endsWith(CATALOG_FILE + ".bw")) {
                    catalogDisables.wholeFile.put(d.check(), "the names are the exporter's own; rename them in its config, not here");
                }
                continue;
            }
            Disables into = disables.get(unit);
            switch (d.check()) {
                case RULE_ANNOTATIONS -> {
                    if (d.severity() == Severity.WARNING) {
                        into.wholeFile.put(d.check(), "imported alerts keep their own annotation keys (runbook_url is the one brokerwatch "
                                + "reads as the runbook)");
                    }
                }
                case PROMQL_UNKNOWN_METRIC -> {
                    if (options.catalog() == null) {
                        into.wholeFile.put(d.check(), "imported without --exporter, so no catalog says which series exist; "
                                + "import again with --exporter to check every metric");
                    }
                }
                case CATALOG_NAMING -> into.wholeFile.put(d.check(), "the names are the exporter's own; rename them in its config, not here");
                case RULE_SEVERITY -> item(pass, file, d).ifPresent(item -> into.item(item, d.check(),
                        "the imported alert has no severity label that the language can write as a severity"));
                case RULE_DUPLICATE -> item(pass, file, d).ifPresent(item -> into.item(item, d.check(),
                        "Prometheus allows this name twice; it is kept as the rule file had it"));
                default -> {
                    // every other finding is the point of importing: check reports it
                }
            }
        }
    }

    /** The innermost rule or group written at the problem's place. */
    private static java.util.Optional<Object> item(Pass pass, String file, Diagnostic d) {
        Object best = null;
        int bestSize = Integer.MAX_VALUE;
        for (BwSourceWriter.Placed p : pass.written().get(file).placed()) {
            if (d.span().start() >= p.start() && d.span().start() < p.end() && p.end() - p.start() < bestSize) {
                best = p.item();
                bestSize = p.end() - p.start();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    // --- resource metadata ------------------------------------------------------------------------------

    private static List<Diagnostic> metadata(List<AuditGroup> groups) {
        List<Diagnostic> out = new ArrayList<>();
        Set<AuditResource> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (AuditGroup g : groups) {
            AuditResource r = g.resource();
            if (r == null || !seen.add(r)) {
                continue;
            }
            StringBuilder options = new StringBuilder();
            if (r.name() != null) {
                options.append(" --name ").append(r.name());
            }
            if (r.namespace() != null) {
                options.append(" --namespace ").append(r.namespace());
            }
            for (RuleEntry label : r.labels()) {
                options.append(" --label ").append(label.key().text()).append('=').append(label.value().text());
            }
            out.add(Diagnostic.of(NOT_CARRIED, Severity.INFO, r.span(), "the metadata of " + r.kind() + " " + r.name()
                    + " is not part of .bw sources", "compile writes it back with: brokerwatch compile" + options));
            for (RuleEntry annotation : r.annotations()) {
                out.add(Diagnostic.of(NOT_CARRIED, Severity.WARNING, annotation.key().span(), "annotation '" + annotation.key().text()
                        + "' of " + r.kind() + " " + r.name() + " is not carried: compile has no option for resource annotations",
                        "add it to the compiled resource by hand (kubectl annotate, or a kustomize patch)"));
            }
        }
        return out;
    }
}
