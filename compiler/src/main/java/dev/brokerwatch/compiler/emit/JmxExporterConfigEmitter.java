package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.compile.Pack;
import java.util.List;

/** {@code jmx-exporter/<name>-jmx-exporter.yaml}: the catalog as a config for the stock jmx_prometheus_javaagent. */
public final class JmxExporterConfigEmitter implements Emitter {

    @Override
    public String name() {
        return "jmx-exporter";
    }

    @Override
    public List<OutputFile> emit(Pack pack, EmitOptions options) {
        StockExporterConfig config = StockExporterConfig.of(pack);
        return List.of(new OutputFile(name() + "/" + options.name() + "-jmx-exporter.yaml",
                CanonicalYaml.dump(config.header(), config.tree())));
    }
}
