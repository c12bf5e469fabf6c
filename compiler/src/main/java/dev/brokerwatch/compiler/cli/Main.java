package dev.brokerwatch.compiler.cli;

import picocli.CommandLine;

/** Entry point of {@code brokerwatch.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        return run(new BrokerwatchCommand(), args, out, err);
    }

    /** Runs {@code command} with the exit-code and error handling of brokerwatch. */
    static int run(Object command, String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("brokerwatch: " + ex.getMessage());
            err.println("Run 'brokerwatch " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // a bug in brokerwatch, not a user mistake: say so in one line, keep the trace for a report
            err.println("brokerwatch: internal error: " + ex + "; this is a bug in brokerwatch: please report it on"
                    + " the brokerwatch issue tracker with the input that caused it (BROKERWATCH_DEBUG=1 prints the stack trace)");
            if (System.getenv("BROKERWATCH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
