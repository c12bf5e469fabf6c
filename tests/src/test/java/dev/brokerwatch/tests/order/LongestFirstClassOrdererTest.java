package dev.brokerwatch.tests.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;

/** The order the IT classes start in: every lane begins with a long class, classes that share a lock run in turn. */
class LongestFirstClassOrdererTest {
    static class Short {
    }

    static class Long {
    }

    static class AlsoLong {
    }

    static class Unknown {
    }

    @ResourceLock("engine")
    static class LockedA {
    }

    @ResourceLock("engine")
    static class LockedB {
    }

    @ResourceLock("alone")
    static class LockedAlone {
    }

    @Test
    void oneLaneRunsTheLongestFirstAndUnknownClassesBeforeAll() {
        Map<String, Double> seconds = Map.of(Short.class.getName(), 10.0, Long.class.getName(), 300.0,
                AlsoLong.class.getName(), 300.0);
        // one lane: the forking thread takes every class from the back
        List<Class<?>> ordered = order(new LongestFirstClassOrderer(seconds), 1, Short.class, Long.class,
                Unknown.class, AlsoLong.class);
        assertThat(reversed(ordered)).as("taken from the back: unknown first (assumed long), then longest first, "
                + "equal times by name").containsExactly(Unknown.class, AlsoLong.class, Long.class, Short.class);
    }

    @Test
    void everyLaneBeginsWithALongClass() {
        Map<String, Double> seconds = new HashMap<>();
        List<Class<?>> classes = List.of(Short.class, Long.class, AlsoLong.class, Unknown.class);
        double s = 400;
        for (Class<?> c : List.of(Unknown.class, AlsoLong.class, Long.class, Short.class)) {
            seconds.put(c.getName(), s -= 100);
        }
        List<Class<?>> ordered = order(new LongestFirstClassOrderer(seconds), 3, classes.toArray(Class<?>[]::new));
        assertThat(ordered.subList(0, 2)).as("two threads take from the front: the two longest")
                .containsExactly(Unknown.class, AlsoLong.class);
        assertThat(ordered.get(ordered.size() - 1)).as("the forking thread takes from the back: the third longest")
                .isEqualTo(Long.class);
        assertThat(ordered).as("the shortest is left for whichever lane is free first, in the middle")
                .containsExactly(Unknown.class, AlsoLong.class, Short.class, Long.class);
    }

    @Test
    void classesSharingALockGoLastSoThatOneThreadRunsThemInTurn() {
        Map<String, Double> seconds = Map.of(LockedA.class.getName(), 500.0, LockedB.class.getName(), 400.0,
                LockedAlone.class.getName(), 450.0, Long.class.getName(), 300.0, Short.class.getName(), 10.0);
        List<Class<?>> ordered = order(new LongestFirstClassOrderer(seconds), 3, Short.class, LockedB.class,
                Long.class, LockedA.class, LockedAlone.class);
        assertThat(ordered.subList(3, 5)).as("the two classes of lock 'engine', at the back")
                .containsExactly(LockedA.class, LockedB.class);
        assertThat(ordered.get(0)).as("a lock no other class holds changes nothing").isEqualTo(LockedAlone.class);
    }

    @Test
    void theCommittedDurationsNameOnlyItClassesThatExist() throws Exception {
        Map<String, Double> seconds = LongestFirstClassOrderer.load();
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            Class<?> c = Class.forName(e.getKey());
            assertThat(c.getSimpleName()).as("%s lists IT classes only", LongestFirstClassOrderer.DURATIONS)
                    .endsWith("IT");
            assertThat(e.getValue()).as("seconds of %s", e.getKey()).isNotNegative();
        }
        assertThat(seconds).as("the live scenarios that take longest are known")
                .containsKeys("dev.brokerwatch.tests.faults.ControllerQuorumLossFaultIT",
                        "dev.brokerwatch.tests.faults.HeapPressureFaultIT");
    }

    private static List<Class<?>> reversed(List<Class<?>> l) {
        List<Class<?>> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    private static List<Class<?>> order(LongestFirstClassOrderer orderer, int lanes, Class<?>... classes) {
        List<ClassDescriptor> descriptors = new ArrayList<>();
        for (Class<?> c : classes) {
            descriptors.add(descriptor(c));
        }
        orderer.orderClasses(new ClassOrdererContext() {
            @Override
            public List<? extends ClassDescriptor> getClassDescriptors() {
                return descriptors;
            }

            @Override
            public Optional<String> getConfigurationParameter(String key) {
                return key.equals(LongestFirstClassOrderer.PARALLELISM) ? Optional.of(Integer.toString(lanes))
                        : Optional.empty();
            }
        });
        return descriptors.stream().<Class<?>>map(ClassDescriptor::getTestClass).toList();
    }

    private static ClassDescriptor descriptor(Class<?> c) {
        return new ClassDescriptor() {
            @Override
            public Class<?> getTestClass() {
                return c;
            }

            @Override
            public String getDisplayName() {
                return c.getSimpleName();
            }

            @Override
            public boolean isAnnotated(Class<? extends java.lang.annotation.Annotation> a) {
                return false;
            }

            @Override
            public <A extends java.lang.annotation.Annotation> Optional<A> findAnnotation(Class<A> a) {
                return Optional.empty();
            }

            @Override
            public <A extends java.lang.annotation.Annotation> List<A> findRepeatableAnnotations(Class<A> a) {
                return AnnotationSupport.findRepeatableAnnotations(c, a);
            }
        };
    }
}
