package dev.brokerwatch.harness.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.brokerwatch.compiler.api.Compilation;
import dev.brokerwatch.compiler.api.PackCompiler;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaVersion;

/**
 * A {@code .bw} pack compiled in-process by the compiler's library API ({@link PackCompiler}, the code behind
 * {@code brokerwatch compile --out DIR --set ...}): {@link #ruleFiles()} are the Prometheus rule files to
 * load, {@link #alerts()} every alert they define, {@link #promtoolTests(String)} the promtool unit tests
 * the compiler emitted for an alert. A pack that is not clean (an error or a warning) is not used: the
 * proof's params must pass the pack's own checks.
 */
public final class CompiledPack {
    private static final Pattern ALERT = Pattern.compile("^\\s*-\\s*alert:\\s*'?([A-Za-z0-9_:]+)'?\\s*$");
    private static final Pattern TEST_NAME = Pattern.compile("^\\s*-\\s*name:\\s*'([A-Za-z0-9_:]+): (.*)'\\s*$");
    private static final Map<KafkaVersion, CompiledPack> CURATED = new java.util.HashMap<>();

    private final Path outDir;
    private final Map<String, Path> alerts;
    private final Map<String, List<String>> promtoolTests;
    private final Map<String, String> params;

    private CompiledPack(Path outDir, Map<String, String> params) {
        this.outDir = outDir;
        this.params = params;
        this.alerts = Collections.unmodifiableMap(scanAlerts(outDir.resolve("prometheus")));
        this.promtoolTests = Collections.unmodifiableMap(scanTests(outDir.resolve("promtool")));
    }

    /**
     * The curated pack's alerts (its {@code kafka.bw}, as shipped inside the compiler) compiled with
     * {@link ProofParams#set(KafkaVersion)}, once per JVM and version.
     */
    public static synchronized CompiledPack curated(KafkaVersion version) {
        return CURATED.computeIfAbsent(version, v -> curated(HarnessPaths.targetDir().resolve("proof").resolve("pack-" + v),
                ProofParams.set(v)));
    }

    /** The curated pack's alerts compiled into {@code outDir} (wiped first) with the given params. */
    public static CompiledPack curated(Path outDir, Map<String, String> params) {
        return compile(PackCompiler.curatedAlerts(), "the curated pack", outDir, params);
    }

    /** Compiles {@code root} (and its imports) into {@code outDir} (wiped first) with the given params. */
    public static CompiledPack compile(Path root, Path outDir, Map<String, String> params) {
        return compile(PackCompiler.files(List.of(root.toAbsolutePath())), root.toString(), outDir, params);
    }

    private static CompiledPack compile(PackCompiler compiler, String what, Path outDir, Map<String, String> params) {
        Path out = HarnessPaths.freshDir(outDir);
        Compilation c = compiler.set(params).compile();
        Path log = out.getParent().resolve(out.getFileName() + "-compile.log");
        try {
            Files.writeString(log, c.report(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        if (!c.succeeded()) {
            throw new AssertionError("brokerwatch compile of " + what + " with " + params + " failed:\n" + c.report());
        }
        if (!c.clean()) {
            throw new AssertionError("brokerwatch compile of " + what + " with " + params
                    + " is not clean (the proof's params must pass the pack's checks):\n" + c.report());
        }
        try {
            c.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled pack to " + out, e);
        }
        return new CompiledPack(out, new LinkedHashMap<>(params));
    }

    public Path outDir() {
        return outDir;
    }

    public Map<String, String> params() {
        return params;
    }

    /** The Prometheus rule files ({@code prometheus/*.rules.yml}), sorted. */
    public List<Path> ruleFiles() {
        try (Stream<Path> s = Files.list(outDir.resolve("prometheus"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".rules.yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stock jmx_exporter config emitted with the pack (same family names as the agent's mapping). */
    public Path jmxExporterConfig() {
        try (Stream<Path> s = Files.list(outDir.resolve("jmx-exporter"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jmx-exporter config in " + outDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alert of the pack → the rule file that defines it (sorted by name). */
    public Map<String, Path> alerts() {
        return alerts;
    }

    /** The promtool tests the compiler emitted for {@code alert}: "file: test name". */
    public List<String> promtoolTests(String alert) {
        return promtoolTests.getOrDefault(alert, List.of());
    }

    private static Map<String, Path> scanAlerts(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        for (Path f : list(dir, ".rules.yml")) {
            for (String line : lines(f)) {
                Matcher m = ALERT.matcher(line);
                if (m.matches()) {
                    out.put(m.group(1), f);
                }
            }
        }
        return out;
    }

    private static Map<String, List<String>> scanTests(Path dir) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Path f : list(dir, ".test.yml")) {
            for (String line : lines(f)) {
                Matcher m = TEST_NAME.matcher(line);
                if (m.matches()) {
                    out.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                            .add("alerts/out/promtool/" + f.getFileName() + ": " + m.group(2).replace("''", "'"));
                }
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
