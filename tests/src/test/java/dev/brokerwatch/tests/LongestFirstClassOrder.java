package dev.brokerwatch.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the slowest test classes first (tests/pom.xml names it as the default class order). The ITs run a few classes
 * at a time, and most of a live scenario is waiting for alert windows; a long class started last leaves the other
 * workers idle at the end, the longest-first order keeps them busy until the end. The expected seconds per class are
 * in {@code it-durations.tsv} (from {@code scripts/test-timings.sh}); a class not listed there is taken as slow and
 * starts early, so a new scenario can only make the order more cautious, never hide behind the others.
 *
 * <p>JUnit's fork-join executor hands the classes out from both ends of the order: the thread that forked them runs
 * them from the last one back, the other workers take them from the first one on (parallelism 1 runs the order
 * backwards). So the order interleaves: the longest classes go to the front, one in every {@code parallelism} of them
 * to the back, each end reaching the shorter classes last.
 */
public final class LongestFirstClassOrder implements ClassOrderer {
    static final String DURATIONS = "/it-durations.tsv";
    static final String PARALLELISM = "junit.jupiter.execution.parallel.config.fixed.parallelism";
    /** A class without a recorded duration counts as this slow. */
    static final double UNKNOWN_SECONDS = 300;

    private static final Map<String, Double> SECONDS = read();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        int parallelism = context.getConfigurationParameter(PARALLELISM).map(Integer::parseInt).orElse(1);
        List<String> ordered = bothEnds(context.getClassDescriptors().stream().map(d -> d.getTestClass().getName()).toList(),
                name -> name, parallelism);
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor d) -> ordered.indexOf(d.getTestClass().getName())));
    }

    /**
     * The items, slowest first, laid out for {@code parallelism} workers taking them from both ends: of every
     * {@code parallelism} items in order of duration, the last goes to the back (read backwards), the others to the front.
     */
    static <T> List<T> bothEnds(List<T> items, Function<T, String> className, int parallelism) {
        List<T> slowestFirst = new ArrayList<>(items);
        slowestFirst.sort(Comparator.comparingDouble((T t) -> -expectedSeconds(className.apply(t)))
                .thenComparing(className));
        if (parallelism <= 1) {
            List<T> reversed = new ArrayList<>(slowestFirst);
            Collections.reverse(reversed);
            return reversed;
        }
        List<T> front = new ArrayList<>();
        List<T> back = new ArrayList<>();
        for (int i = 0; i < slowestFirst.size(); i++) {
            (i % parallelism == parallelism - 1 ? back : front).add(slowestFirst.get(i));
        }
        Collections.reverse(back);
        front.addAll(back);
        return front;
    }

    static double expectedSeconds(String className) {
        return SECONDS.getOrDefault(className, UNKNOWN_SECONDS);
    }

    private static Map<String, Double> read() {
        Map<String, Double> seconds = new HashMap<>();
        try (InputStream in = LongestFirstClassOrder.class.getResourceAsStream(DURATIONS)) {
            if (in == null) {
                return seconds;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && !line.startsWith("#")) {
                    seconds.put(fields[1], Double.parseDouble(fields[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seconds;
    }
}
