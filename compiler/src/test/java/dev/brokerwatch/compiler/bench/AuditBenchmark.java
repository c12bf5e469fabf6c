package dev.brokerwatch.compiler.bench;

import dev.brokerwatch.compiler.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code brokerwatch audit} of a large generated input (see {@link GeneratedAuditInput}): read every file, simulate the
 * jmx_exporter config over the recorded Kafka 4.1.2 inventory, run every config and expression check, print the
 * report. The whole command, in one warmed-up JVM: the work after JVM start. Run with scripts/bench-audit.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditBenchmark {
    @Param({"1000"})
    int alerts;
    @Param({"50"})
    int dashboards;
    @Param({"200"})
    int exporterRules;

    String[] args;

    @Setup
    public void generate() throws IOException {
        Path dir = Files.createTempDirectory("audit-bench");
        GeneratedAuditInput.write(dir, exporterRules, alerts, dashboards);
        args = new String[] {"audit", "--exporter", "jmx-exporter:" + dir.resolve("kafka-metrics.yaml"), "--kafka", "4.1",
                "--role", "broker", dir.toString()};
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(out));
        if (code == 2 || out.toString().contains("error[")) {
            throw new IllegalStateException("the generated input must audit without errors (exit " + code + "):\n" + out);
        }
    }

    @Benchmark
    public int audit() {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(AuditBenchmark.class.getSimpleName()).build()).run();
    }
}
