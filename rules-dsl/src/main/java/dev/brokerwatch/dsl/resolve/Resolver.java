package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.ImportDecl;
import dev.brokerwatch.dsl.ast.LabelListLit;
import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamDecl;
import dev.brokerwatch.dsl.ast.ParamLiteral;
import dev.brokerwatch.dsl.ast.ParamSince;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.catalog.KafkaVersions;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.BwParser;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.parse.ParseResult;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the root files and everything they import (each file once, in a stable order), then works out
 * every parameter's value: the declared default unless {@code --set} overrides it.
 */
public final class Resolver {
    public static final CheckCode IMPORT_CODE = CheckCode.IMPORT_UNRESOLVED;
    public static final CheckCode PARAM_TYPE = CheckCode.PARAM_TYPE;
    public static final CheckCode PARAM_DUPLICATE = CheckCode.PARAM_DUPLICATE;
    public static final CheckCode PARAM_SINCE = CheckCode.PARAM_SINCE;

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /**
     * The loaded files in dependency order (imports before importers), the problems met, and for every
     * imported file the file that imported it first (roots have none).
     */
    public record Loaded(List<BwFile> files, List<Diagnostic> diagnostics, List<String> ioErrors, Map<String, String> importedBy) {
        public Loaded {
            importedBy = Map.copyOf(importedBy);
        }
    }

    /** A {@code --set name=value} that could not be applied: one clear line, no source position. */
    public record OverrideError(String message) {
    }

    private Resolver() {
    }

    public static Loaded load(List<String> roots, SourceLoader loader) {
        List<BwFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> ioErrors = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Map<String, String> importedBy = new LinkedHashMap<>();
        Map<String, Span> importedAt = new LinkedHashMap<>();
        for (String root : roots) {
            try {
                SourceFile source = loader.load(root);
                visit(source, loader, files, diagnostics, done, importedBy, new ArrayDeque<>(), importedAt);
            } catch (IOException e) {
                ioErrors.add(root + ": cannot read: " + e.getMessage());
            }
        }
        diagnostics.addAll(RuleFileNames.clashes(files, importedAt));
        return new Loaded(files, diagnostics, ioErrors, importedBy);
    }

    private static void visit(SourceFile source, SourceLoader loader, List<BwFile> files, List<Diagnostic> diagnostics,
                              Set<String> done, Map<String, String> importedBy, Deque<String> stack,
                              Map<String, Span> importedAt) {
        String location = source.displayPath();
        if (!done.add(location)) {
            return;
        }
        stack.push(location);
        ParseResult parsed = BwParser.parseFile(source);
        diagnostics.addAll(parsed.diagnostics());
        for (Statement s : parsed.file().statements()) {
            if (!(s instanceof ImportDecl imp)) {
                continue;
            }
            String target = loader.resolve(location, imp.path().value());
            if (stack.contains(target)) {
                diagnostics.add(Diagnostic.of(IMPORT_CODE, Severity.ERROR, imp.path().span(),
                        "import cycle: " + String.join(" -> ", reversed(stack)) + " -> " + target,
                        "move the shared declarations into a file that both import"));
                continue;
            }
            if (done.contains(target)) {
                continue;
            }
            try {
                SourceFile imported = loader.load(target);
                importedAt.putIfAbsent(imported.displayPath(), imp.path().span());
                importedBy.putIfAbsent(imported.displayPath(), location);
                visit(imported, loader, files, diagnostics, done, importedBy, stack, importedAt);
            } catch (IOException e) {
                diagnostics.add(Diagnostic.of(IMPORT_CODE, Severity.ERROR, imp.path().span(),
                        "cannot import " + imp.path().value() + ": " + e.getMessage() + " (looked for " + target + ")",
                        "import paths are relative to the importing file"));
            }
        }
        stack.pop();
        files.add(parsed.file());
    }

    private static List<String> reversed(Deque<String> stack) {
        List<String> out = new ArrayList<>(stack);
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Resolves parameter values. Diagnostics go to {@code diagnostics}; {@code --set} problems, which have no
     * source position, go to {@code overrideErrors}.
     */
    public static Params params(List<BwFile> files, Map<String, String> overrides, List<Diagnostic> diagnostics,
                                List<OverrideError> overrideErrors) {
        Map<String, ParamDecl> declarations = new LinkedHashMap<>();
        for (BwFile file : files) {
            for (Statement s : file.statements()) {
                if (!(s instanceof ParamDecl p)) {
                    continue;
                }
                ParamDecl previous = declarations.putIfAbsent(p.name().text(), p);
                if (previous != null && declaredInBuiltin(previous) && !declaredInBuiltin(p)) {
                    // the embedded pack's params are defaults: a user's file that imports it may declare its own
                    declarations.put(p.name().text(), p);
                } else if (previous != null) {
                    diagnostics.add(Diagnostic.of(PARAM_DUPLICATE, Severity.ERROR, p.name().span(),
                            "parameter " + p.name().text() + " is declared twice",
                            "keep one declaration; change its value with --set " + p.name().text() + "=...")
                            .withRelated(previous.name().span(), "first declared here"));
                }
            }
        }
        String target = targetVersion(declarations.get(Params.KAFKA_VERSION), overrides, diagnostics, overrideErrors);
        Map<String, ParamValue> values = new LinkedHashMap<>(Params.BUILTINS);
        values.put(Params.KAFKA_VERSION, new ParamValue.StringValue(target));
        for (ParamDecl p : declarations.values()) {
            if (p.name().text().equals(Params.KAFKA_VERSION)) {
                continue;
            }
            ParamValue value = valueFor(p, target, diagnostics);
            ParamValue builtin = Params.BUILTINS.get(p.name().text());
            if (value == null) {
                continue;
            }
            if (builtin != null && !builtin.getClass().equals(value.getClass())) {
                diagnostics.add(Diagnostic.of(PARAM_TYPE, Severity.ERROR, p.value().span(),
                        p.name().text() + " must be " + builtin.kind() + ", not " + value.kind(),
                        "for example: param " + p.name().text() + " = " + builtin.promql()));
                continue;
            }
            values.put(p.name().text(), value);
        }
        for (Map.Entry<String, String> override : new java.util.TreeMap<>(overrides).entrySet()) {
            String name = override.getKey();
            if (name.equals(Params.KAFKA_VERSION)) {
                continue; // applied first: it picks the other params' defaults
            }
            ParamValue current = values.get(name);
            if (current == null) {
                String suggestion = DidYouMean.suggest(name, values.keySet()).map(s -> "; did you mean " + s + "?").orElse("");
                overrideErrors.add(new OverrideError("--set " + name + ": no parameter named " + name + suggestion
                        + " (known: " + String.join(", ", new java.util.TreeSet<>(values.keySet())) + ")"));
                continue;
            }
            try {
                values.put(name, parseLike(current, override.getValue()));
            } catch (IllegalArgumentException e) {
                overrideErrors.add(new OverrideError("--set " + name + "=" + override.getValue() + ": " + e.getMessage()));
            }
        }
        return new Params(values, declarations);
    }

    private static boolean declaredInBuiltin(ParamDecl p) {
        return BuiltinPack.isBuiltin(p.name().span().file().displayPath());
    }

    /** {@code --set kafka_version=...}, else the pack's own {@code param kafka_version}, else the built-in default. */
    private static String targetVersion(ParamDecl declared, Map<String, String> overrides, List<Diagnostic> diagnostics,
                                        List<OverrideError> overrideErrors) {
        String target = Params.DEFAULT_KAFKA_VERSION;
        if (declared != null) {
            if (declared.value() instanceof StringLit s && KafkaVersions.isValid(s.value())) {
                target = s.value();
            } else {
                diagnostics.add(Diagnostic.of(PARAM_TYPE, Severity.ERROR, declared.value().span(),
                        Params.KAFKA_VERSION + " must be a Kafka version in quotes",
                        "for example: param " + Params.KAFKA_VERSION + " = \"4.1\""));
            }
        }
        String override = overrides.get(Params.KAFKA_VERSION);
        if (override != null) {
            if (KafkaVersions.isValid(override.strip())) {
                target = override.strip();
            } else {
                overrideErrors.add(new OverrideError("--set " + Params.KAFKA_VERSION + "=" + override
                        + ": not a Kafka version; write e.g. 4.1, 4.2.0 or 3.9.1"));
            }
        }
        return target;
    }

    /**
     * The declared default, or the value of the last {@code since} clause the targeted version has reached.
     * Null when the declaration is broken (reported).
     */
    private static ParamValue valueFor(ParamDecl p, String target, List<Diagnostic> diagnostics) {
        ParamValue value = literal(p.value());
        String previous = null;
        boolean ok = true;
        for (ParamSince since : p.since()) {
            String v = since.version().value();
            if (!KafkaVersions.isValid(v)) {
                diagnostics.add(Diagnostic.of(PARAM_SINCE, Severity.ERROR, since.version().span(),
                        "'" + v + "' is not a Kafka version", "write e.g. since \"4.2\" = ..."));
                ok = false;
                continue;
            }
            if (previous != null && KafkaVersions.compare(v, previous) <= 0) {
                diagnostics.add(Diagnostic.of(PARAM_SINCE, Severity.ERROR, since.version().span(),
                        "since \"" + v + "\" must name a newer version than the since \"" + previous + "\" before it",
                        "list the since clauses from the oldest version to the newest"));
                ok = false;
            }
            previous = v;
            ParamValue sinceValue = literal(since.value());
            if (!sinceValue.getClass().equals(value.getClass())) {
                diagnostics.add(Diagnostic.of(PARAM_TYPE, Severity.ERROR, since.value().span(),
                        p.name().text() + " is " + value.kind() + ", so its value since " + v + " must be too, not "
                                + sinceValue.kind(), "for example: since \"" + v + "\" = " + value.promql()));
                ok = false;
                continue;
            }
            if (KafkaVersions.compare(target, v) >= 0) {
                value = sinceValue;
            }
        }
        return ok ? value : null;
    }

    static ParamValue literal(ParamLiteral literal) {
        if (literal instanceof DurationLit d) {
            return new ParamValue.DurationValue(d.millis(), d.text());
        }
        if (literal instanceof NumberLit n) {
            return new ParamValue.NumberValue(n.value(), n.text());
        }
        if (literal instanceof StringLit s) {
            return new ParamValue.StringValue(s.value());
        }
        LabelListLit list = (LabelListLit) literal;
        return new ParamValue.LabelsValue(list.labels().stream().map(LabelName::text).toList());
    }

    /** Parses an override as the same kind of value as the parameter's default. */
    static ParamValue parseLike(ParamValue current, String text) {
        if (current instanceof ParamValue.DurationValue) {
            long millis = Durations.parseMillis(text.strip());
            if (millis < 0) {
                throw new IllegalArgumentException("not a duration; write e.g. 30s, 5m, 1h30m");
            }
            return new ParamValue.DurationValue(millis, text.strip());
        }
        if (current instanceof ParamValue.NumberValue) {
            try {
                String t = text.strip();
                return new ParamValue.NumberValue(Double.parseDouble(t), t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number; write e.g. 0.8 or 10000");
            }
        }
        if (current instanceof ParamValue.LabelsValue) {
            String t = text.strip();
            if (t.startsWith("(") && t.endsWith(")")) {
                t = t.substring(1, t.length() - 1);
            }
            List<String> labels = new ArrayList<>();
            for (String part : t.split(",")) {
                String label = part.strip();
                if (label.isEmpty()) {
                    continue;
                }
                if (!LABEL_NAME.matcher(label).matches()) {
                    throw new IllegalArgumentException("'" + label + "' is not a label name; write e.g. namespace,pod");
                }
                labels.add(label);
            }
            return new ParamValue.LabelsValue(labels);
        }
        return new ParamValue.StringValue(text);
    }

    /** A position to blame for parameter problems that have no better one. */
    static Span start(SourceFile file) {
        return new Span(file, 0, 0);
    }
}
