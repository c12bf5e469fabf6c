package dev.brokerwatch.harness.containers;

import java.time.Duration;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

import com.github.dockerjava.api.command.InspectContainerResponse;

/**
 * {@code Wait.forLogMessage(line, 1)} in short slices, with a look at the container between them: a broker whose
 * JVM exits (a bad config, missing jars, a failed storage format) fails the start at once with its exit code,
 * instead of after the whole startup timeout (the plain log wait does not notice that the container is gone).
 */
final class StartedLineWaitStrategy extends AbstractWaitStrategy {
    private static final Duration SLICE = Duration.ofSeconds(2);
    private final String line;

    StartedLineWaitStrategy(String line) {
        this.line = line;
    }

    @Override
    protected void waitUntilReady() {
        String regex = "(?s).*" + java.util.regex.Pattern.quote(line) + ".*";
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (true) {
            try {
                Wait.forLogMessage(regex, 1).withStartupTimeout(SLICE).waitUntilReady(waitStrategyTarget);
                return;
            } catch (ContainerLaunchException notYet) {
                InspectContainerResponse.ContainerState state = waitStrategyTarget.getCurrentContainerInfo().getState();
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    throw new ContainerLaunchException("the container exited with code " + state.getExitCodeLong()
                            + " before logging '" + line + "'");
                }
                if (System.nanoTime() > deadline) {
                    throw new ContainerLaunchException("no '" + line + "' in the container's log within "
                            + startupTimeout);
                }
            }
        }
    }
}
