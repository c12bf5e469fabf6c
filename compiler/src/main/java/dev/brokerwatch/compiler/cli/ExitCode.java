package dev.brokerwatch.compiler.cli;

/** What {@code brokerwatch} exits with, so that CI can tell bad sources from a broken invocation. */
public final class ExitCode {
    /** Everything checked out (warnings allowed unless --strict). */
    public static final int OK = 0;
    /** Problems were found in the sources (or outputs are stale, for compile --verify). */
    public static final int PROBLEMS = 1;
    /** Bad usage, an unreadable file, a bad --set, an output that cannot be written. */
    public static final int USAGE = 2;
    /** A bug in brokerwatch: no input should cause it, so it is reported as one line asking for a report. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
