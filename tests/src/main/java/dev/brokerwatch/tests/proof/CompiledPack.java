package dev.brokerwatch.tests.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.brokerwatch.tests.harness.HarnessPaths;
import dev.brokerwatch.tests.harness.KafkaVersion;
import dev.brokerwatch.tests.harness.ManagedProcess;

/**
 * A {@code .bw} pack compiled by the real compiler ({@code java -jar compiler/target/brokerwatch.jar compile
 * --out DIR --set ...}), exactly as a user runs it: {@link #ruleFiles()} are the Prometheus rule files to
 * load, {@link #alerts()} every alert they define, {@link #promtoolTests(String)} the promtool unit tests
 * the compiler emitted for an alert.
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

    /** The repository root (the parent of {@code tests/}). */
    public static Path repoRoot() {
        return HarnessPaths.testsBaseDir().toAbsolutePath().getParent();
    }

    /** The compiler jar: {@code -Dbrokerwatch.compiler.jar}, else {@code compiler/target/brokerwatch.jar}. */
    public static Path compilerJar() {
        String prop = System.getProperty("brokerwatch.compiler.jar");
        Path jar = prop != null && !prop.isBlank() ? Path.of(prop)
                : repoRoot().resolve("compiler").resolve("target").resolve("brokerwatch.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the brokerwatch compiler jar " + jar + " is missing: build it first with "
                    + "`mvn -q -pl rules-dsl,compiler -am install -DskipTests` (tests/live-proof.sh does)");
        }
        return jar;
    }

    /** The curated pack (alerts/kafka.bw) compiled with {@link ProofParams#set(KafkaVersion)}, once per JVM and version. */
    public static synchronized CompiledPack curated(KafkaVersion version) {
        return CURATED.computeIfAbsent(version, v -> compile(repoRoot().resolve("alerts").resolve("kafka.bw"),
                HarnessPaths.targetDir().resolve("proof").resolve("pack-" + v), ProofParams.set(v)));
    }

    /** Compiles {@code root} (and its imports) into {@code outDir} (wiped first) with the given params. */
    public static CompiledPack compile(Path root, Path outDir, Map<String, String> params) {
        Path out = HarnessPaths.freshDir(outDir);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", compilerJar().toString(), "compile", "--out", out.toAbsolutePath().toString()));
        params.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        cmd.add(root.toAbsolutePath().toString());
        Path log = out.getParent().resolve(out.getFileName() + "-compile.log");
        ManagedProcess.Result r = ManagedProcess.run("brokerwatch-compile", cmd, root.getParent(), log,
                Duration.ofMinutes(2));
        if (!r.succeeded()) {
            throw new AssertionError("brokerwatch compile of " + root + " failed (exit " + r.exitCode() + "):\n"
                    + r.output());
        }
        if (r.output().toLowerCase(java.util.Locale.ROOT).contains("warning")) {
            throw new AssertionError("brokerwatch compile of " + root + " with " + params
                    + " is not clean (the proof's params must pass the pack's checks):\n" + r.output());
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
