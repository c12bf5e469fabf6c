package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.util.List;

/**
 * The curated pack inside the jar: {@code alerts/*.bw} at {@code /packs/kafka/} and {@code dashboards/*.bw} at
 * {@code /packs/kafka/dashboards/}. The dashboards import {@code ../alerts/kafka.bw} as they do in the
 * repository, so an import that lands in {@code alerts/} is read from the pack's root; the alert files keep
 * the short names ({@code kafka-broker.bw}) their outputs have always been generated from.
 */
public final class EmbeddedPack {
    /** The alerts, recording rules and catalog; the dashboards import it. */
    public static final String ALERTS_ROOT = "kafka.bw";
    public static final List<String> ROOTS = List.of(ALERTS_ROOT, "dashboards/kafka-dashboards.bw");
    private static final String ALERTS = "alerts/";

    private EmbeddedPack() {
    }

    public static SourceLoader loader() {
        SourceLoader classpath = SourceLoader.classpath(EmbeddedPack.class, "/packs/kafka");
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                return classpath.load(location);
            }

            @Override
            public String resolve(String from, String importPath) {
                String target = classpath.resolve(from, importPath);
                return target.startsWith(ALERTS) ? target.substring(ALERTS.length()) : target;
            }
        };
    }
}
