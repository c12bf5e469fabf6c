package dev.brokerwatch.dsl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.source.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged copies of the project's own sources ({@code alerts/*.bw}, {@code dashboards/*.bw}) must get
 * diagnostics, never an exception: each mutant goes through the whole front end (imports resolved in memory
 * against the other, unchanged files) and every diagnostic must point inside a file that was read.
 *
 * <p>Most mutants are checked in a light context that keeps the run short: the catalog files, the pack's
 * parameters (the root {@code alerts/kafka.bw} without its imports), the panel templates, and the mutated
 * file. Every {@value #WHOLE_PACK_EVERY}th mutant, and every mutant of a root file, goes through the whole
 * pack from {@code dashboards/kafka-dashboards.bw}.
 *
 * <p>The mutants are fixed by a seed, so a failure names the mutant that caused it. The default of 2,000
 * mutants costs about 13 ms of CPU each (about 26 s on one core); raise the count for a longer local search
 * with {@code -Dfuzz.mutants=50000} (and pick other mutants with {@code -Dfuzz.seed=<n>}):
 * {@code mvn -pl rules-dsl -am test -Dtest=MutationFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.mutants=50000}.
 */
class MutationFuzzTest {
    private static final Path REPO = Path.of("..");
    private static final String ROOT = "dashboards/kafka-dashboards.bw";
    private static final String PARAMS = "alerts/kafka-params.bw";
    private static final List<String> CONTEXT = List.of("alerts/kafka-catalog.bw", "alerts/external-catalog.bw", PARAMS,
            "dashboards/templates.bw");
    static final int WHOLE_PACK_EVERY = 100;
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 2000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final int FAILURES_SHOWN = 15;

    private static Map<String, String> sources;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new LinkedHashMap<>();
        for (String dir : List.of("alerts", "dashboards")) {
            try (Stream<Path> files = Files.list(REPO.resolve(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".bw")).sorted().toList()) {
                    sources.put(dir + "/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void unchangedSourcesCompileWithoutErrors() {
        CompileResult result = Frontend.run(List.of(ROOT), Sources.of(sources).loader(), Map.of());
        assertThat(result.hasErrors()).as("the curated sources must be clean, or every mutant result means nothing: %s",
                result.diagnostics()).isFalse();
        assertThat(result.pack().files()).as("the root must reach every curated file").hasSize(sources.size());
    }

    @Test
    void everyMutantGetsDiagnosticsAndNoException() {
        SourceMutator mutator = new SourceMutator(List.copyOf(sources.values()));
        List<String> names = List.copyOf(sources.keySet());
        Map<String, String> withParams = new LinkedHashMap<>(sources);
        withParams.put(PARAMS, sources.get("alerts/kafka.bw").replaceAll("(?m)^import .*$", ""));
        List<String> failures = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < MUTANTS; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            String name = names.get(random.nextInt(names.size()));
            SourceMutator.Mutant mutant = mutator.mutate(sources.get(name), random);
            Map<String, String> files = new LinkedHashMap<>(withParams);
            files.put(name, mutant.text());
            boolean wholePack = i % WHOLE_PACK_EVERY == 0 || name.equals(ROOT) || name.equals("alerts/kafka.bw");
            List<String> roots = new ArrayList<>(wholePack ? List.of(ROOT) : CONTEXT);
            if (!roots.contains(name)) {
                roots.add(name);
            }
            String problem = problemWith(roots, files);
            if (problem != null) {
                failed++;
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add("mutant " + seed + " of " + name + " (" + mutant.description() + "): " + problem);
                }
            }
        }
        assertThat(failures).as("%d of %d mutants broke the front end; the first of them:%n%s", failed, MUTANTS,
                String.join("\n\n", failures)).isEmpty();
    }

    /** Null when the front end coped: no exception, and every diagnostic inside a file it read. */
    private static String problemWith(List<String> roots, Map<String, String> files) {
        CompileResult result;
        try {
            result = Frontend.run(roots, Sources.of(files).loader(), Map.of());
        } catch (RuntimeException | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
        }
        for (Diagnostic d : result.diagnostics()) {
            String bad = badSpan(d.span(), files);
            if (bad == null) {
                for (Diagnostic.Related r : d.related()) {
                    bad = bad == null ? badSpan(r.span(), files) : bad;
                }
            }
            if (bad != null) {
                return bad + " in " + d.code() + ": " + d.message();
            }
            try {
                DiagnosticRenderer.render(d);
            } catch (RuntimeException e) {
                return "rendering " + d.code() + " at " + d.span() + " threw " + e;
            }
        }
        return null;
    }

    private static String badSpan(Span span, Map<String, String> files) {
        String text = files.get(span.file().displayPath());
        if (text == null || !text.equals(span.file().text())) {
            return "a span in " + span.file().displayPath() + ", which is not a file that was read";
        }
        if (span.end() > text.length()) {
            return "span " + span.start() + ".." + span.end() + " past the end of " + span.file().displayPath()
                    + " (" + text.length() + " characters)";
        }
        return null;
    }
}
