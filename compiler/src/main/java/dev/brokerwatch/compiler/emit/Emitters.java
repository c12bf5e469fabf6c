package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.compile.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every output format, in the order the compiler runs them. */
public final class Emitters {
    public static final List<Emitter> ALL = List.of(
            new PrometheusRuleFileEmitter(),
            new PrometheusRuleCrdEmitter(),
            new VmRuleEmitter(),
            new PromtoolTestEmitter(),
            new AgentMappingEmitter(),
            new JmxExporterConfigEmitter(),
            new StrimziMetricsConfigEmitter(),
            new AgentPodMonitorEmitter(),
            new AgentServiceMonitorEmitter(),
            new StrimziPodMonitorEmitter(),
            new AlertReferenceEmitter(),
            new AlertmanagerConfigEmitter(),
            new GrafanaDashboardEmitter(),
            new GrafanaConfigMapEmitter(),
            new GrafanaOperatorEmitter());

    private Emitters() {
    }

    /** The files of every emitter, in emitter order; two files with one path are a bug and fail loudly. */
    public static List<OutputFile> emitAll(Pack pack, EmitOptions options) {
        return emit(ALL, pack, options);
    }

    static List<OutputFile> emit(List<Emitter> emitters, Pack pack, EmitOptions options) {
        Map<String, String> writtenBy = new LinkedHashMap<>();
        List<OutputFile> files = new ArrayList<>();
        for (Emitter emitter : emitters) {
            for (OutputFile file : emitter.emit(pack, options)) {
                String previous = writtenBy.putIfAbsent(file.path(), emitter.name());
                if (previous != null) {
                    throw new IllegalStateException("two output files at " + file.path() + " (from " + previous + " and "
                            + emitter.name() + "); the front end reports source names that would clash (import/name-clash)");
                }
                files.add(file);
            }
        }
        return files;
    }
}
