package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.compile.Pack;
import java.util.List;

/**
 * One output format. An emitter reads a checked pack (no errors) and returns its files; it never writes
 * to disk itself and never depends on the order of maps or the clock, so the same pack gives the same
 * bytes every time.
 */
public interface Emitter {

    /** A short name, also the subdirectory of the output directory its files go to. */
    String name();

    List<OutputFile> emit(Pack pack, EmitOptions options);
}
