package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.dsl.compile.CompileResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        description = {
                "Type-check .bw sources against the metric catalog and print every problem found.",
                "",
                "Each problem has a stable code (list them with 'brokerwatch checks'), a severity, file:line:col, "
                        + "the source line with a caret under the exact span, and a hint. Errors fail the check; "
                        + "warnings do only with --strict."},
        footer = {"",
                "Exit codes: 0 no problems, 1 problems found, 2 usage or I/O error, 3 internal error.",
                "",
                "Examples:%n"
                        + "  brokerwatch check                                # the embedded Kafka pack%n"
                        + "  brokerwatch check alerts/my-pack.bw --strict     # warnings fail too%n"
                        + "  brokerwatch check alerts/*.bw --format github    # in GitHub Actions"},
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CompileResult result = sources.load(spec.commandLine().getOut(), spec.commandLine().getErr());
        if (result == null) {
            return ExitCode.USAGE;
        }
        return sources.failed(result) ? ExitCode.PROBLEMS : ExitCode.OK;
    }
}
