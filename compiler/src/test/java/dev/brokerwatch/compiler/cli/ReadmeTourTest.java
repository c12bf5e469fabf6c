package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete pack in the README's language tour must stay a clean, compilable pack. */
class ReadmeTourTest {
    @TempDir
    Path dir;

    @Test
    void theTourPackChecksCleanUnderStrict() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("brokerwatch.repo", ".."), "README.md"));
        int intro = readme.indexOf("A complete pack");
        assertThat(intro).as("the README still introduces the complete pack").isPositive();
        int start = readme.indexOf("```\n", intro) + 4;
        int end = readme.indexOf("```\n", start);
        Path pack = dir.resolve("tour.bw");
        Files.writeString(pack, readme.substring(start, end));
        Cli cli = Cli.run("check", "--strict", pack.toString());
        assertThat(cli.exitCode()).as("the README's tour pack has problems:%n%s", cli.all()).isEqualTo(ExitCode.OK);
        assertThat(Cli.run("compile", pack.toString(), "--out", dir.resolve("out").toString()).exitCode()).isZero();
    }
}
