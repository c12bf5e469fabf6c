package dev.brokerwatch.compiler.audit.reporter;

import dev.brokerwatch.compiler.audit.inventory.InventoryAttribute;
import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.compiler.audit.inventory.MBeanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Strimzi Metrics Reporter 0.2.0 over a recorded inventory. The reporter reads Kafka's two registries, not JMX,
 * but each of their metrics is in JMX one to one, so the inventory holds what it needs:
 * <ul>
 *   <li>a Yammer MBean ({@code group:type=T,name=N,k=v...}) is one metric: a meter or counter a counter, a timer or
 *       histogram a summary, a gauge a gauge when its value is a number and otherwise an info whose extra label is the
 *       metric's name; its labels are the scope's keys, which are the ObjectName's keys other than type and name;</li>
 *   <li>a Kafka metric MBean ({@code namespace:type=GROUP,tag=v...}) holds one metric per attribute: a number is a
 *       gauge, anything else (text, null) an info whose extra label is the attribute's name; its labels are the tags;</li>
 *   <li>JVM MBeans and other MBeans are not read (the JVM comes from client_java's collectors).</li>
 * </ul>
 * A tag whose value is empty is not in the ObjectName, and the reporter exposes it as an empty label, which Prometheus
 * stores as no label: the family's labels are those Prometheus keeps. Two metrics that get one name with different
 * kinds, or one Yammer and one Kafka metric of one name, make every scrape fail: {@link #collisions()} lists them.
 */
public final class StrimziReporterSimulation {
    private final MBeanInventory inventory;
    private final StrimziAllowlist allowlist;
    private final SortedMap<String, ReporterFamily> families = new TreeMap<>();
    private final SortedMap<String, ReporterFamily> blocked = new TreeMap<>();
    private final List<String> collisions = new ArrayList<>();
    private final Map<String, ReporterFamily> byName = new HashMap<>();

    public StrimziReporterSimulation(MBeanInventory inventory, StrimziAllowlist allowlist) {
        this.inventory = inventory;
        this.allowlist = allowlist;
        for (InventoryMBean mbean : inventory.mbeans()) {
            if (mbean.kind().isYammer()) {
                addYammer(mbean);
            } else if (mbean.kind() == MBeanKind.KAFKA_METRIC) {
                addKafkaMetrics(mbean);
            }
        }
    }

    /** The families exposed, by the name in {@code # TYPE}. */
    public SortedMap<String, ReporterFamily> families() {
        return families;
    }

    /** The families the allowlist keeps out, by the name in {@code # TYPE}. */
    public SortedMap<String, ReporterFamily> blocked() {
        return blocked;
    }

    /** Names two metrics would share with different kinds or registries: the real reporter fails every scrape then. */
    public List<String> collisions() {
        return collisions;
    }

    /** Every metric name the reporter forms on this node, read or kept out by the allowlist. */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        families.values().forEach(f -> names.add(f.name()));
        blocked.values().forEach(f -> names.add(f.name()));
        return names;
    }

    public MBeanInventory inventory() {
        return inventory;
    }

    public StrimziAllowlist allowlist() {
        return allowlist;
    }

    private void addYammer(InventoryMBean mbean) {
        Map<String, String> keys = mbean.keys();
        String name = StrimziReporterNaming.yammerName(mbean.domain(), keys.getOrDefault("type", ""), keys.getOrDefault("name", ""));
        TreeSet<String> labels = new TreeSet<>();
        keys.keySet().stream().filter(k -> !k.equals("type") && !k.equals("name")).map(StrimziReporterNaming::labelName).forEach(labels::add);
        String kind = switch (mbean.kind()) {
            case YAMMER_METER, YAMMER_COUNTER -> ReporterFamily.COUNTER;
            case YAMMER_TIMER, YAMMER_HISTOGRAM -> ReporterFamily.SUMMARY;
            default -> numericValue(mbean) ? ReporterFamily.GAUGE : ReporterFamily.INFO;
        };
        if (kind.equals(ReporterFamily.INFO)) {
            labels.add(StrimziReporterNaming.labelName(keys.getOrDefault("name", "")));
        }
        add(new ReporterFamily(name, ReporterFamily.exposedName(name, kind), kind, labels, "yammer", mbean.exampleName()));
    }

    private static boolean numericValue(InventoryMBean gauge) {
        return gauge.attributes().stream().anyMatch(a -> a.name().equals("Value") && a.isNumeric());
    }

    private void addKafkaMetrics(InventoryMBean mbean) {
        Map<String, String> keys = mbean.keys();
        TreeSet<String> tags = new TreeSet<>();
        keys.keySet().stream().filter(k -> !k.equals("type")).map(StrimziReporterNaming::labelName).forEach(tags::add);
        for (InventoryAttribute attribute : mbean.attributes()) {
            String name = StrimziReporterNaming.kafkaName(mbean.domain(), keys.getOrDefault("type", ""), attribute.name());
            String kind = attribute.isNumeric() ? ReporterFamily.GAUGE : ReporterFamily.INFO;
            TreeSet<String> labels = new TreeSet<>(tags);
            if (kind.equals(ReporterFamily.INFO)) {
                labels.add(StrimziReporterNaming.labelName(attribute.name()));
            }
            add(new ReporterFamily(name, ReporterFamily.exposedName(name, kind), kind, labels, "kafka",
                    mbean.exampleName() + " " + attribute.name()));
        }
    }

    private void add(ReporterFamily f) {
        SortedMap<String, ReporterFamily> into = allowlist.allows(f.name()) ? families : blocked;
        ReporterFamily sameName = byName.get(f.name());
        if (sameName != null && (!sameName.kind().equals(f.kind()) || !sameName.registry().equals(f.registry()))) {
            if (into == families) {
                collisions.add(f.name() + ": " + sameName.registry() + " " + sameName.kind() + " (" + sameName.example() + ") and "
                        + f.registry() + " " + f.kind() + " (" + f.example() + ")");
            }
            return;
        }
        if (sameName != null) {
            TreeSet<String> labels = new TreeSet<>(sameName.labels());
            labels.addAll(f.labels());
            f = new ReporterFamily(sameName.name(), sameName.exposedName(), sameName.kind(), labels, sameName.registry(), sameName.example());
        }
        into.put(f.exposedName(), f);
        byName.put(f.name(), f);
    }
}
