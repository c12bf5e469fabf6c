package dev.brokerwatch.harness.proof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Where {@code @LiveKafkaCluster(pack = ...)} finds a pack: the working directory, then the test class path. */
class PackFileTest {
    @Test
    void aPathRelativeToTheWorkingDirectoryIsUsedAsIs() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "pack-file-test"));
        Path pack = Files.writeString(dir.resolve("team.bw"), "severities critical\n");
        assertThat(LiveKafkaClusterExtension.packFile("target/pack-file-test/team.bw", PackFileTest.class))
                .as("a file under the module directory").isEqualTo(pack.toAbsolutePath());
    }

    @Test
    void aClassPathResourceIsFoundWhenNoSuchFileIsInTheWorkingDirectory() {
        Path found = LiveKafkaClusterExtension.packFile("pack-file-test/on-class-path.bw", PackFileTest.class);
        assertThat(found).as("src/test/resources is copied to target/test-classes").isRegularFile()
                .satisfies(p -> assertThat(p.toString()).contains("test-classes"));
    }

    @Test
    void aMissingPackSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> LiveKafkaClusterExtension.packFile("monitoring/no-such-pack.bw", PackFileTest.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("monitoring/no-such-pack.bw")
                .hasMessageContaining(Path.of("").toAbsolutePath().toString())
                .hasMessageContaining("src/test/resources");
    }
}
