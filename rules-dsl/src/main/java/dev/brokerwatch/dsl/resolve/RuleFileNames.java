package dev.brokerwatch.dsl.resolve;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each source file that declares rule groups gets rule files named after it ({@code <name>.rules.yml},
 * {@code <name>.test.yml}). Two such files with one name in different directories would write to one
 * output, so that is reported where the second one is imported. Files of one name without groups (a
 * catalog, dashboards) load side by side.
 */
public final class RuleFileNames {
    public static final CheckCode CODE = CheckCode.IMPORT_NAME_CLASH;

    private RuleFileNames() {
    }

    /** {@code alerts/kafka-broker.bw} gives {@code kafka-broker}. */
    public static String stem(SourceFile file) {
        String path = file.displayPath().replace('\\', '/');
        // brokerwatch:kafka-broker.bw (a file of the embedded pack) gives kafka-broker too
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
        return name.endsWith(".bw") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * {@code importedAt}: where each file (by display path) was first imported; a root file has no entry
     * and is pointed at by its first group.
     */
    static List<Diagnostic> clashes(List<BwFile> files, Map<String, Span> importedAt) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, BwFile> byStem = new LinkedHashMap<>();
        for (BwFile file : files) {
            Span first = firstGroup(file);
            if (first == null) {
                continue;
            }
            String stem = stem(file.source());
            BwFile earlier = byStem.putIfAbsent(stem, file);
            if (earlier == null) {
                continue;
            }
            Span here = importedAt.getOrDefault(file.source().displayPath(), first);
            Span there = importedAt.getOrDefault(earlier.source().displayPath(), firstGroup(earlier));
            out.add(Diagnostic.of(CODE, Severity.ERROR, here,
                    file.source().displayPath() + " and " + earlier.source().displayPath()
                            + " both declare rule groups, and both would be written to " + stem + ".rules.yml",
                    "rename one of the files: each file with rule groups gives the rule files of its name")
                    .withRelated(there, earlier.source().displayPath() + " is loaded here"));
        }
        return out;
    }

    private static Span firstGroup(BwFile file) {
        return file.statements().stream().filter(s -> s instanceof GroupDecl).map(s -> ((GroupDecl) s).name().span())
                .findFirst().orElse(null);
    }
}
