package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the harness finds Prometheus, Alertmanager and promtool. */
class ToolBinaryTest {
    private static final String PROPERTY = "brokerwatch.toolbinarytest.bin";

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void theConfiguredBinaryWins() throws Exception {
        Path bin = Files.createFile(dir.resolve("my-tool"));
        bin.toFile().setExecutable(true);
        System.setProperty(PROPERTY, bin.toString());
        assertThat(ToolBinary.find(PROPERTY, "it", "sh")).isEqualTo(bin);
    }

    @Test
    void aConfiguredBinaryThatIsNotExecutableIsAnErrorNotAFallback() throws Exception {
        Path file = Files.createFile(dir.resolve("not-executable"));
        System.setProperty(PROPERTY, file.toString());
        assertThatThrownBy(() -> ToolBinary.find(PROPERTY, "it", "sh")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("-D" + PROPERTY + "=" + file).hasMessageContaining("not executable");
    }

    @Test
    void withoutThePropertyTheFirstNameOnThePathIsFound() {
        Path found = ToolBinary.find(PROPERTY, "it", "no-such-tool-name", "sh");
        assertThat(found.getFileName()).as("the second name, since the first is nowhere").hasToString("sh");
        assertThat(found).isExecutable();
    }

    @Test
    void aMissingToolSaysWhereItLookedAndHowToInstallIt() {
        assertThatThrownBy(() -> ToolBinary.find(PROPERTY, "the nothing package", "no-such-tool-name"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-tool-name not found")
                .hasMessageContaining("install the nothing package")
                .hasMessageContaining("-D" + PROPERTY);
    }
}
