package dev.brokerwatch.tests.bench.probe;

import java.lang.instrument.Instrumentation;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Estimates the heap that brokerwatch's agent retains: every object reachable from the agent's root (the static
 * {@code dev.brokerwatch.agent.BrokerwatchAgent.running}), sized with {@link Instrumentation#getObjectSize}, not
 * counting what the agent shares with the broker or the JVM and would be there without it:
 * <ul>
 *   <li>the MBeanServer and everything in {@code com.sun.jmx}, {@code sun.management}, {@code java.lang.management},
 *       Kafka's and Yammer's objects;</li>
 *   <li>{@code ObjectName}s (the MBean server holds the same instances) and the key-value strings inside them, which
 *       the agent's label values share;</li>
 *   <li>classes, class loaders, threads (their stacks are not heap), modules, and referents of weak/soft references.</li>
 * </ul>
 * Needs {@code --add-opens} for the JDK packages whose internals it walks (the benchmark passes them); a field it
 * cannot read is counted as a reference it could not follow ({@code unreadable} in the answer).
 */
final class RetainedSize {
    private static final List<String> SHARED_PACKAGES = List.of("com.sun.jmx.", "sun.management.",
            "java.lang.management.", "com.sun.management.", "jdk.internal.", "kafka.", "org.apache.kafka.",
            "com.yammer.", "scala.", "java.lang.invoke.", "java.lang.reflect.", "sun.reflect.", "jdk.internal.reflect.");

    private RetainedSize() {}

    static String ofBrokerwatchAgent(Instrumentation inst) throws Exception {
        Class<?> agent = Class.forName("dev.brokerwatch.agent.BrokerwatchAgent", false,
                ClassLoader.getSystemClassLoader());
        Field running = agent.getDeclaredField("running");
        running.setAccessible(true);
        Object root = running.get(null);
        if (root == null) {
            return "no running brokerwatch agent\n";
        }
        // pass 1: the ObjectNames the agent holds; the key strings inside them are the broker's, and the agent's
        // label values reuse them, so they must be excluded before they are met through a label
        Map<Object, Boolean> shared = new IdentityHashMap<>();
        walk(root, new IdentityHashMap<>(), true, o -> {
            if (o instanceof ObjectName name) {
                for (String v : name.getKeyPropertyList().values()) {
                    shared.put(v, Boolean.TRUE);
                }
                shared.put(name.getCanonicalName(), Boolean.TRUE);
            }
        });
        // pass 2: count
        Map<Object, Boolean> seen = new IdentityHashMap<>(shared);
        long[] totals = new long[3];
        Map<String, long[]> byClass = new HashMap<>();
        totals[2] = walk(root, seen, false, o -> {
            long size = inst.getObjectSize(o);
            totals[0] += size;
            totals[1]++;
            long[] perClass = byClass.computeIfAbsent(o.getClass().getName(), k -> new long[2]);
            perClass[0]++;
            perClass[1] += size;
        });
        long bytes = totals[0];
        long objects = totals[1];
        long unreadable = totals[2];
        List<Map.Entry<String, long[]>> top = new ArrayList<>(byClass.entrySet());
        top.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        StringBuilder out = new StringBuilder();
        out.append("bytes ").append(bytes).append('\n');
        out.append("objects ").append(objects).append('\n');
        out.append("unreadable ").append(unreadable).append('\n');
        for (Map.Entry<String, long[]> e : top.subList(0, Math.min(25, top.size()))) {
            out.append("class ").append(e.getValue()[1]).append(' ').append(e.getValue()[0]).append(' ')
                    .append(e.getKey()).append('\n');
        }
        return out.toString();
    }

    /**
     * Visits every object reachable from {@code root} that is not shared (and the ObjectNames met, if
     * {@code objectNames}); never follows an ObjectName. Returns how many fields were unreadable.
     */
    private static long walk(Object root, Map<Object, Boolean> seen, boolean objectNames,
            java.util.function.Consumer<Object> visit) {
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long unreadable = 0;
        Map<Class<?>, List<Field>> fieldCache = new HashMap<>();
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (o instanceof ObjectName) {
                if (objectNames) {
                    visit.accept(o);
                }
                continue;
            }
            if (isShared(o)) {
                continue;
            }
            visit.accept(o);
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    int n = Array.getLength(o);
                    for (int i = 0; i < n; i++) {
                        Object element = Array.get(o, i);
                        if (element != null && !seen.containsKey(element)) {
                            todo.push(element);
                        }
                    }
                }
                continue;
            }
            for (Field f : fieldCache.computeIfAbsent(type, RetainedSize::referenceFields)) {
                if (o instanceof Reference && f.getName().equals("referent")) {
                    continue;
                }
                try {
                    Object value = f.get(o);
                    if (value != null && !seen.containsKey(value)) {
                        todo.push(value);
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    unreadable++;
                }
            }
        }
        return unreadable;
    }

    private static boolean isShared(Object o) {
        if (o instanceof Class || o instanceof ClassLoader || o instanceof Thread || o instanceof ThreadGroup
                || o instanceof Module || o instanceof MBeanServer || o instanceof java.security.ProtectionDomain) {
            return true;
        }
        String name = o.getClass().getName();
        for (String p : SHARED_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Non-static, non-primitive fields of a class and its superclasses, made accessible where the JDK allows. */
    private static List<Field> referenceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    fields.add(f);
                } catch (RuntimeException e) {
                    // not opened to us: the objects behind it are not counted
                }
            }
        }
        return fields.isEmpty() ? Collections.emptyList() : fields;
    }
}
