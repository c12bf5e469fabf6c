package dev.brokerwatch.tests.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Orders the IT classes so that the classes that run at once (tests/pom.xml) start the long scenarios early and
 * end together. In the order the files happened to be found, one lane ran a 221 s scenario alone at the end while
 * the other two idled.
 *
 * <p>How JUnit runs concurrent classes (its ForkJoinPool executor): the thread that forks them all takes unstarted
 * ones from the back of the order, one after another, while the other {@code lanes - 1} threads take them from the
 * front. So, by the seconds each class took in the last measured run ({@value #DURATIONS}):
 * <ul>
 * <li>of the classes longest first, {@code lanes - 1} of every {@code lanes} go to the front in that order and the
 * rest to the back, so that every lane begins with a long class;
 * <li>classes that share a {@link ResourceLock} (one container cluster at a time) go to the very back: that one
 * thread runs them in turn, instead of lanes waiting on each other for the lock;
 * <li>a class the file does not know yet counts as the longest (a new live scenario is rarely short); ties go by
 * name, so the order is the same on every machine.
 * </ul>
 * A wrong duration only costs time, never a result. {@code scripts/test-timings.sh --durations} rewrites the file
 * from a run's reports.
 */
public final class LongestFirstClassOrderer implements ClassOrderer {
    public static final String DURATIONS = "it-durations.properties";
    static final String PARALLELISM = "junit.jupiter.execution.parallel.config.fixed.parallelism";

    private final Map<String, Double> seconds;

    public LongestFirstClassOrderer() {
        this(load());
    }

    LongestFirstClassOrderer(Map<String, Double> seconds) {
        this.seconds = Map.copyOf(seconds);
    }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        int lanes = context.getConfigurationParameter(PARALLELISM).map(String::trim).map(Integer::parseInt).orElse(1);
        @SuppressWarnings("unchecked")
        List<ClassDescriptor> classes = (List<ClassDescriptor>) context.getClassDescriptors();
        List<ClassDescriptor> longestFirst = new ArrayList<>(classes);
        longestFirst.sort(Comparator
                .comparingDouble((ClassDescriptor d) -> -seconds.getOrDefault(d.getTestClass().getName(),
                        Double.POSITIVE_INFINITY))
                .thenComparing(d -> d.getTestClass().getName()));

        Set<String> shared = sharedLocks(classes);
        List<ClassDescriptor> front = new ArrayList<>();
        List<ClassDescriptor> back = new ArrayList<>();
        List<ClassDescriptor> locked = new ArrayList<>();
        int rank = 0;
        for (ClassDescriptor d : longestFirst) {
            if (locks(d).stream().anyMatch(shared::contains)) {
                locked.add(d);
            } else if (rank++ % lanes != lanes - 1) {
                front.add(d);
            } else {
                back.add(d);
            }
        }
        Collections.reverse(back);
        classes.clear();
        classes.addAll(front);
        classes.addAll(back);
        classes.addAll(locked);
    }

    private static Set<String> sharedLocks(List<? extends ClassDescriptor> classes) {
        Map<String, Integer> users = new HashMap<>();
        for (ClassDescriptor d : classes) {
            for (String lock : locks(d)) {
                users.merge(lock, 1, Integer::sum);
            }
        }
        return users.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static List<String> locks(ClassDescriptor d) {
        return d.findRepeatableAnnotations(ResourceLock.class).stream().map(ResourceLock::value).toList();
    }

    /** The measured seconds per class name. */
    public static Map<String, Double> load() {
        Properties p = new Properties();
        try (InputStream in = LongestFirstClassOrderer.class.getClassLoader().getResourceAsStream(DURATIONS)) {
            if (in == null) {
                throw new IllegalStateException(DURATIONS + " is not on the test class path (tests/src/test/resources)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DURATIONS, e);
        }
        Map<String, Double> m = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            try {
                m.put(name, Double.parseDouble(p.getProperty(name).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(DURATIONS + ": " + name + " = '" + p.getProperty(name)
                        + "' is not a number of seconds", e);
            }
        }
        return m;
    }
}
