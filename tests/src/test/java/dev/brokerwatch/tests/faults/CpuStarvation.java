package dev.brokerwatch.tests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.brokerwatch.tests.harness.HarnessPaths;
import dev.brokerwatch.tests.harness.KafkaNode;
import dev.brokerwatch.tests.harness.ManagedProcess;

/**
 * A noisy neighbour: every thread of a node's JVM gets the lowest CPU priority (nice 19), so on a busy
 * machine its threads wait for a CPU while they hold a request. {@link #close()} restores nice 0.
 */
final class CpuStarvation implements AutoCloseable {
    private final KafkaNode node;

    private CpuStarvation(KafkaNode node) {
        this.node = node;
    }

    static CpuStarvation of(KafkaNode node) {
        renice(node, 19);
        return new CpuStarvation(node);
    }

    @Override
    public void close() {
        if (node.isRunning()) {
            renice(node, 0);
        }
    }

    private static void renice(KafkaNode node, int nice) {
        long pid = node.pid().orElseThrow(() -> new IllegalStateException(node.name() + " is not running"));
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> cmd.add(t.getFileName().toString())); // every thread: nice is per thread on Linux
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of " + node.name() + " (pid " + pid + ")", e);
        }
        Path log = HarnessPaths.targetDir().resolve("proof").resolve("renice.log");
        ManagedProcess.Result r = ManagedProcess.run("renice", cmd, HarnessPaths.targetDir(), log, Duration.ofSeconds(30));
        if (!r.succeeded() && nice < 0) {
            throw new IllegalStateException("renice failed: " + r.output());
        }
    }
}
