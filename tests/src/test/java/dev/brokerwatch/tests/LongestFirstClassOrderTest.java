package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class LongestFirstClassOrderTest {
    @Test
    void everyListedClassExists() throws IOException {
        for (String line : durations()) {
            String name = line.split("\t")[1];
            assertThat(resource(name)).as("%s is listed in %s but is no test class any more", name,
                    LongestFirstClassOrder.DURATIONS).isTrue();
        }
    }

    @Test
    void everyLiveTestClassHasAnExpectedDuration() throws IOException, URISyntaxException {
        Path root = Path.of(LongestFirstClassOrderTest.class.getResource("/dev/brokerwatch/tests").toURI()).getParent()
                .getParent().getParent();
        List<String> its;
        try (Stream<Path> walk = Files.walk(root)) {
            its = walk.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith("IT.class") && !p.contains("$"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        assertThat(its).as("the IT classes found").isNotEmpty();
        for (String it : its) {
            assertThat(durations().stream().anyMatch(l -> l.endsWith("\t" + it)))
                    .as("%s has no expected duration in %s: it starts first, as if it took %s s; add its time from "
                            + "scripts/test-timings.sh", it, LongestFirstClassOrder.DURATIONS, LongestFirstClassOrder.UNKNOWN_SECONDS)
                    .isTrue();
        }
    }

    @Test
    void aKnownClassGetsItsDurationAndAnUnknownOneCountsAsSlow() {
        assertThat(LongestFirstClassOrder.expectedSeconds("dev.brokerwatch.tests.PromtoolIT")).isLessThan(60);
        assertThat(LongestFirstClassOrder.expectedSeconds("no.such.ClassIT")).isEqualTo(LongestFirstClassOrder.UNKNOWN_SECONDS);
    }

    @Test
    void withThreeWorkersTheFrontAndTheBackBothStartWithSlowClasses() {
        List<String> classes = List.of("dev.brokerwatch.tests.PromtoolIT", "dev.brokerwatch.tests.faults.LogDirFullFaultIT",
                "dev.brokerwatch.tests.LocalJvmKafkaClusterIT", "dev.brokerwatch.tests.faults.ControllerQuorumLossFaultIT",
                "dev.brokerwatch.tests.faults.HandlerSaturationFaultIT", "dev.brokerwatch.tests.SeparateRolesIT");
        List<String> order = LongestFirstClassOrder.bothEnds(classes, c -> c, 3);
        assertThat(order).as("the two workers taking from the front get the slowest two; the forking thread, taking "
                + "from the back, the third; the quick ones meet in the middle").containsExactly(
                "dev.brokerwatch.tests.faults.ControllerQuorumLossFaultIT", "dev.brokerwatch.tests.faults.LogDirFullFaultIT",
                "dev.brokerwatch.tests.SeparateRolesIT", "dev.brokerwatch.tests.LocalJvmKafkaClusterIT",
                "dev.brokerwatch.tests.PromtoolIT", "dev.brokerwatch.tests.faults.HandlerSaturationFaultIT");
    }

    @Test
    void withOneWorkerTheOrderIsBackwardsSoThatTheSlowestRunsFirst() {
        List<String> order = LongestFirstClassOrder.bothEnds(List.of("dev.brokerwatch.tests.PromtoolIT",
                "dev.brokerwatch.tests.faults.LogDirFullFaultIT"), c -> c, 1);
        assertThat(order).containsExactly("dev.brokerwatch.tests.PromtoolIT", "dev.brokerwatch.tests.faults.LogDirFullFaultIT");
    }

    private static List<String> durations() throws IOException {
        try (InputStream in = LongestFirstClassOrder.class.getResourceAsStream(LongestFirstClassOrder.DURATIONS)) {
            assertThat(in).as(LongestFirstClassOrder.DURATIONS + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static boolean resource(String className) {
        return LongestFirstClassOrderTest.class.getResource("/" + className.replace('.', '/') + ".class") != null;
    }
}
