package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every emitter against its golden cases, byte for byte. */
class GoldenFilesTest {

    @TestFactory
    Stream<DynamicTest> everyEmitterMatchesItsGoldenFiles() {
        return Emitters.ALL.stream().flatMap(emitter -> GoldenFiles.cases(emitter.name()).stream()
                .map(c -> DynamicTest.dynamicTest(emitter.name() + "/" + c, () -> GoldenFiles.check(emitter, c))));
    }

    @Test
    void everyEmitterHasAtLeastOneGoldenCase() {
        for (Emitter emitter : Emitters.ALL) {
            assertThat(GoldenFiles.cases(emitter.name())).as(emitter.name()).isNotEmpty();
        }
    }
}
