package dev.brokerwatch.compiler.bench;

import dev.brokerwatch.compiler.emit.EmitOptions;
import dev.brokerwatch.compiler.emit.Emitters;
import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * check + compile of a generated pack (the curated catalog plus N alerts): parse, resolve, analyse, run
 * every check, and emit every output format in memory. Run with scripts/bench-compiler.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {
    @Param({"2000"})
    int alerts;

    Map<String, String> files;
    SourceLoader loader;

    @Setup
    public void generate() {
        files = GeneratedPack.files(alerts);
        loader = GeneratedPack.loader(files);
        CompileResult result = check();
        if (result.hasErrors() || !result.usageErrors().isEmpty()) {
            throw new IllegalStateException("the generated pack must be clean: " + result.diagnostics().get(0));
        }
    }

    @Benchmark
    public CompileResult check() {
        return Frontend.run(List.of(GeneratedPack.ROOT), loader, Map.of());
    }

    @Benchmark
    public List<OutputFile> checkAndCompile() {
        return Emitters.emitAll(check().pack(), EmitOptions.defaults());
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(CompileBenchmark.class.getSimpleName()).build()).run();
    }
}
