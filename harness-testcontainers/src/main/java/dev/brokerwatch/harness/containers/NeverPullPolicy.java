package dev.brokerwatch.harness.containers;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' pull policy for machines without an image registry: never pull. Named by
 * {@code pull.policy} in {@code tests/src/test/resources/testcontainers.properties}, so it is the default
 * of every container; a missing local image then fails at once ("No such image") instead of a pull that
 * hangs on name resolution. A container that may pull (the official-image route of
 * {@link TestcontainersKafkaCluster}) sets its own policy.
 */
public final class NeverPullPolicy implements ImagePullPolicy {
    @Override
    public boolean shouldPull(DockerImageName imageName) {
        return false;
    }
}
