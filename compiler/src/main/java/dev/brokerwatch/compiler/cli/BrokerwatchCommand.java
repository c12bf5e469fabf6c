package dev.brokerwatch.compiler.cli;

import picocli.CommandLine.Command;

@Command(name = "brokerwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        // one string per paragraph: picocli wraps it to the terminal; %n only where a line must break
        description = {
                "Monitoring as code for Apache Kafka.",
                "",
                "In .bw files, declare the broker metric catalog, alerts, recording rules and alert tests; "
                        + "brokerwatch type-checks every PromQL expression against the catalog and writes Prometheus "
                        + "rule files, PrometheusRule and VMRule resources, promtool tests, the agent mapping and the "
                        + "stock jmx_exporter config. Without files it works on the curated Kafka pack it embeds.",
                ""},
        footer = {"",
                "Exit codes: 0 ok, 1 problems found, 2 usage or I/O error, 3 internal error.",
                "",
                "Examples:%n"
                        + "  brokerwatch compile                      # the embedded Kafka pack into ./out%n"
                        + "  brokerwatch check alerts/my-pack.bw --format github%n"
                        + "  brokerwatch compile my.bw --set under_replicated_for=5m --out build/monitoring%n"
                        + "  brokerwatch checks                       # every check with its code"},
        subcommands = {CheckCommand.class, CompileCommand.class, dev.brokerwatch.compiler.audit.AuditCommand.class, dev.brokerwatch.compiler.importer.ImportCommand.class, ChecksCommand.class, HealthCommand.class, RecordCommand.class, picocli.CommandLine.HelpCommand.class})
public final class BrokerwatchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
