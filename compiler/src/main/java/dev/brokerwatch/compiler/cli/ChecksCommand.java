package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.dsl.check.Check;
import dev.brokerwatch.dsl.check.Checks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "checks", mixinStandardHelpOptions = true,
        description = "List every static check with its code; docs/checks/<code>.md explains each one.")
public final class ChecksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.printf("%-28s %s%n", "syntax/invalid", "the text does not parse");
        out.printf("%-28s %s%n", "import/unresolved", "an import that cannot be read, or an import cycle");
        out.printf("%-28s %s%n", "import/name-clash", "two files of one name with rule groups, whose rule files would collide");
        out.printf("%-28s %s%n", "param/duplicate", "a parameter declared twice");
        out.printf("%-28s %s%n", "param/type", "a parameter value of the wrong kind for its place");
        out.printf("%-28s %s%n", "param/since", "a since clause with a malformed or out-of-order Kafka version");
        out.printf("%-28s %s%n", "catalog/duplicate", "a metric declared twice");
        out.printf("%-28s %s%n", "catalog/naming", "counter names without _total, invalid label names");
        out.printf("%-28s %s%n", "catalog/jmx", "ObjectName patterns, label keys, sources and cgroup fields");
        out.printf("%-28s %s%n", "promql/function", "unknown functions, wrong argument count or type");
        out.printf("%-28s %s%n", "promql/type", "operands of the wrong type (range vector, string, scalar comparison)");
        out.printf("%-28s %s%n", "dashboard/template", "use of an unknown panel template, or with the wrong number of arguments");
        for (Check check : Checks.ALL) {
            out.printf("%-28s %s%n", check.code(), check.description());
        }
        return ExitCode.OK;
    }
}
