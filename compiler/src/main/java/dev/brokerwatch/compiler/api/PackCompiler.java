package dev.brokerwatch.compiler.api;

import dev.brokerwatch.compiler.cli.EmbeddedPack;
import dev.brokerwatch.compiler.emit.EmitOptions;
import dev.brokerwatch.compiler.emit.Emitters;
import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.resolve.BuiltinPack;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code brokerwatch compile} as a library, for a build or a test that compiles a pack without starting a
 * process: the same front end, checks and emitters as the command line, which uses it too.
 *
 * <pre>{@code
 * Compilation c = PackCompiler.files(List.of(Path.of("monitoring/my-pack.bw")))
 *         .set("broker_down_for", "10s")
 *         .compile();
 * if (!c.clean()) throw new AssertionError(c.report());
 * c.writeTo(Path.of("target/monitoring"));
 * }</pre>
 *
 * A {@code .bw} file may import the curated pack's files by their built-in names ({@code import "kafka.bw"}),
 * as on the command line.
 */
public final class PackCompiler {
    private final List<String> roots;
    private final SourceLoader loader;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Set<CheckCode> disabled = new LinkedHashSet<>();
    private EmitOptions emitOptions = EmitOptions.defaults();

    private PackCompiler(List<String> roots, SourceLoader loader) {
        this.roots = List.copyOf(roots);
        this.loader = loader;
    }

    /** The curated Kafka pack as shipped inside the compiler: alerts and dashboards ({@code brokerwatch compile}). */
    public static PackCompiler curated() {
        return new PackCompiler(EmbeddedPack.ROOTS, EmbeddedPack.loader());
    }

    /** The curated pack's alerts, recording rules and catalog alone ({@code kafka.bw}), without its dashboards. */
    public static PackCompiler curatedAlerts() {
        return new PackCompiler(List.of(EmbeddedPack.ALERTS_ROOT), EmbeddedPack.loader());
    }

    /** Root {@code .bw} files on the file system (their imports are read too). */
    public static PackCompiler files(List<Path> roots) {
        return locations(roots.stream().map(Path::toString).toList());
    }

    /** Root {@code .bw} files named as on the command line, with the curated pack's files built in. */
    public static PackCompiler locations(List<String> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no root .bw file given: use PackCompiler.curated() for the curated pack");
        }
        return new PackCompiler(roots, BuiltinPack.over(SourceLoader.fileSystem(), EmbeddedPack.loader()));
    }

    /** Overrides a param, as {@code --set name=value} does. */
    public PackCompiler set(String name, String value) {
        params.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    /** Overrides params, in order. */
    public PackCompiler set(Map<String, String> values) {
        values.forEach(this::set);
        return this;
    }

    /** Does not report this check, as {@code --disable code} does. */
    public PackCompiler disable(CheckCode code) {
        disabled.add(Objects.requireNonNull(code));
        return this;
    }

    /** Name, namespace and labels of the emitted Kubernetes resources ({@code --name}, {@code --namespace}, {@code --label}). */
    public PackCompiler emitOptions(EmitOptions options) {
        this.emitOptions = Objects.requireNonNull(options);
        return this;
    }

    /** Reads and checks the sources, then emits every output format unless there are errors. Writes nothing. */
    public Compilation compile() {
        return emit(check());
    }

    /** Emits every output format of sources {@link #check() checked} already; none when they have errors. */
    public Compilation emit(CompileResult checked) {
        List<OutputFile> files = checked.usageErrors().isEmpty() && !checked.hasErrors()
                ? Emitters.emitAll(checked.pack(), emitOptions) : List.of();
        return new Compilation(checked.usageErrors(), checked.diagnostics(), files);
    }

    /** Reads and checks the sources only ({@code brokerwatch check}). */
    public CompileResult check() {
        return Frontend.run(new ArrayList<>(roots), loader, params, disabled);
    }
}
