package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import java.util.List;

/** One Grafana dashboard JSON file per dashboard, named by its uid: import it in Grafana or provision it from files. */
public final class GrafanaDashboardEmitter implements Emitter {
    @Override
    public String name() {
        return "grafana";
    }

    @Override
    public List<OutputFile> emit(Pack pack, EmitOptions options) {
        return pack.dashboards().stream()
                .map(d -> new OutputFile(name() + "/" + d.uid() + ".json", GrafanaDashboardModel.json(d)))
                .toList();
    }

    static String resourceName(EmitOptions options, Dashboard d) {
        String name = (options.name() + "-dashboard-" + d.uid()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }
}
