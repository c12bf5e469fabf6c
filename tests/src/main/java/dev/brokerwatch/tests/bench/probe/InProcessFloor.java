package dev.brokerwatch.tests.bench.probe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The in-process floor of the probe (see {@link ProbeAgent}): Kafka's Yammer metrics read from the objects, with no
 * names built and no text written. JDK only, so Yammer's and Kafka's classes are reached by name through method
 * handles, looked up once per metric class and attribute before the loops.
 */
final class InProcessFloor {
    private static final String REGISTRY = "org.apache.kafka.server.metrics.KafkaYammerMetrics";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();
    private static final MethodType GENERIC = MethodType.methodType(Object.class, Object.class);

    private InProcessFloor() {}

    /** One MBean's reads: in process (metric and a getter per attribute) or through the server. */
    private record BeanReads(ObjectName name, String[] attributes, Object metric, MethodHandle snapshot,
            MethodHandle[] getters, boolean[] fromSnapshot) {}

    static String measure(URI uri, Map<ObjectName, List<String>> beans) throws Exception {
        Map<String, String> query = ProbeAgent.queryOf(uri);
        int loops = Integer.parseInt(query.getOrDefault("loops", "100"));
        int warmup = Integer.parseInt(query.getOrDefault("warmup", "20"));
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Object registry = Class.forName(REGISTRY, true, loader).getMethod("defaultRegistry").invoke(null);
        Map<?, ?> metrics = (Map<?, ?>) registry.getClass().getMethod("allMetrics").invoke(registry);
        Map<ObjectName, Object> byName = new java.util.HashMap<>();
        for (Map.Entry<?, ?> entry : metrics.entrySet()) {
            String mbean = (String) entry.getKey().getClass().getMethod("getMBeanName").invoke(entry.getKey());
            byName.put(new ObjectName(mbean), entry.getValue());
        }
        List<BeanReads> plan = new ArrayList<>();
        int inProcess = 0;
        for (Map.Entry<ObjectName, List<String>> bean : beans.entrySet()) {
            String[] attributes = bean.getValue().toArray(new String[0]);
            BeanReads reads = inProcess(bean.getKey(), attributes, byName.get(bean.getKey()));
            inProcess += reads.metric() != null ? 1 : 0;
            plan.add(reads);
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        StringBuilder out = new StringBuilder();
        long sink = 0;
        for (int i = 0; i < warmup + loops; i++) {
            long allocatedBefore = threads.getThreadAllocatedBytes(self);
            long start = System.nanoTime();
            long values = 0;
            for (BeanReads reads : plan) {
                try {
                    if (reads.metric() == null) {
                        values += server.getAttributes(reads.name(), reads.attributes()).size();
                        continue;
                    }
                    Object snapshot = null;
                    for (int a = 0; a < reads.getters().length; a++) {
                        Object value;
                        if (reads.fromSnapshot()[a]) {
                            if (snapshot == null) {
                                snapshot = reads.snapshot().invokeExact(reads.metric());
                            }
                            value = reads.getters()[a].invokeExact(snapshot);
                        } else {
                            value = reads.getters()[a].invokeExact(reads.metric());
                        }
                        sink += System.identityHashCode(value) & 1;
                        values++;
                    }
                } catch (Throwable e) {
                    // a failing metric costs nothing here either
                }
            }
            long nanos = System.nanoTime() - start;
            long allocated = threads.getThreadAllocatedBytes(self) - allocatedBefore;
            if (i >= warmup) {
                out.append(nanos).append(' ').append(allocated).append(' ').append(inProcess).append(' ')
                        .append(values).append('\n');
            }
        }
        if (sink == 42) {
            out.append("#\n"); // keeps the reads observable to the JIT
        }
        return out.toString();
    }

    /** The in-process reads of one MBean, or reads through the server when its metric or an attribute is unknown. */
    private static BeanReads inProcess(ObjectName name, String[] attributes, Object metric) {
        BeanReads server = new BeanReads(name, attributes, null, null, null, null);
        if (metric == null) {
            return server;
        }
        try {
            MethodHandle[] getters = new MethodHandle[attributes.length];
            boolean[] fromSnapshot = new boolean[attributes.length];
            MethodHandle snapshot = null;
            for (int a = 0; a < attributes.length; a++) {
                String method = snapshotMethod(attributes[a]);
                if (method != null) {
                    Class<?> snapshotClass = Class.forName("com.yammer.metrics.stats.Snapshot", true,
                            metric.getClass().getClassLoader());
                    getters[a] = handle(snapshotClass, method);
                    fromSnapshot[a] = true;
                    snapshot = handle(metric.getClass(), "getSnapshot");
                } else {
                    String getter = metricMethod(attributes[a]);
                    if (getter == null) {
                        return server;
                    }
                    getters[a] = handle(metric.getClass(), getter);
                }
            }
            return new BeanReads(name, attributes, metric, snapshot, getters, fromSnapshot);
        } catch (ReflectiveOperationException e) {
            return server;
        }
    }

    /** The public method, on the first public class up from the object's (Kafka's gauges are anonymous classes). */
    private static MethodHandle handle(Class<?> type, String method) throws ReflectiveOperationException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                java.lang.reflect.Method m = c.getMethod(method);
                return LOOKUP.findVirtual(c, method, MethodType.methodType(m.getReturnType())).asType(GENERIC);
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + method);
    }

    private static String snapshotMethod(String attribute) {
        return switch (attribute) {
            case "50thPercentile" -> "getMedian";
            case "75thPercentile" -> "get75thPercentile";
            case "95thPercentile" -> "get95thPercentile";
            case "98thPercentile" -> "get98thPercentile";
            case "99thPercentile" -> "get99thPercentile";
            case "999thPercentile" -> "get999thPercentile";
            default -> null;
        };
    }

    private static String metricMethod(String attribute) {
        return switch (attribute) {
            case "Value" -> "value";
            case "Count" -> "count";
            case "Mean" -> "mean";
            case "Min" -> "min";
            case "Max" -> "max";
            case "StdDev" -> "stdDev";
            case "MeanRate" -> "meanRate";
            case "OneMinuteRate" -> "oneMinuteRate";
            case "FiveMinuteRate" -> "fiveMinuteRate";
            case "FifteenMinuteRate" -> "fifteenMinuteRate";
            default -> null;
        };
    }
}
