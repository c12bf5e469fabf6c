package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ManagedProcessTest {
    @TempDir
    Path tmp;

    @Test
    void stopSendsSigtermAndTheProcessIsGone() {
        ManagedProcess p = ManagedProcess.builder("sleeper", List.of("sleep", "120"))
                .logFile(tmp.resolve("sleeper.log")).start();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());

        int exit = p.stop();

        assertThat(exit).isEqualTo(128 + 15); // SIGTERM
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(p.stop()).isEqualTo(exit); // idempotent
    }

    @Test
    void stopEscalatesToSigkillWhenSigtermIsIgnored() {
        ManagedProcess p = ManagedProcess.builder("stubborn",
                        List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.2; done"))
                .logFile(tmp.resolve("stubborn.log")).stopTimeout(Duration.ofSeconds(1)).start();
        awaitOutput(p, "ready");

        assertThat(p.stop()).isEqualTo(128 + 9);
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void killPauseAndResume() {
        ManagedProcess p = ManagedProcess.builder("pausable", List.of("sleep", "120"))
                .logFile(tmp.resolve("pausable.log")).start();
        p.pause();
        assertThat(p.isPaused()).isTrue();
        p.resume();
        assertThat(p.isPaused()).isFalse();
        p.pause();

        assertThat(p.kill()).isEqualTo(128 + 9);
        assertThat(p.isAlive()).isFalse();
        assertThatThrownBy(p::pause).hasMessageContaining("not running");
    }

    @Test
    void runReturnsExitCodeAndOutputWithoutTheCommandHeader() {
        ManagedProcess.Result r = ManagedProcess.run("echo", List.of("bash", "-c", "echo out; echo err >&2; exit 3"),
                null, tmp.resolve("echo.log"), Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("out", "err").doesNotContain("bash -c");
    }

    @Test
    void runKillsACommandThatOverrunsItsTimeout() {
        assertThatThrownBy(() -> ManagedProcess.run("slow", List.of("sleep", "30"), null, tmp.resolve("slow.log"),
                Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within");
    }

    private static void awaitOutput(ManagedProcess p, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!p.output().contains(text)) {
            assertThat(System.nanoTime()).as("waiting for '%s' from %s", text, p).isLessThan(deadline);
            KafkaNode.sleep(50);
        }
    }
}
