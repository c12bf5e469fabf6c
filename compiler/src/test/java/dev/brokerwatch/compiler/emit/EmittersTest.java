package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.dsl.compile.Pack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmittersTest {

    private static Pack fullPack() {
        return InMemorySources.of("input.bw", GoldenFiles.read(GoldenFiles.root().resolve("prometheus/full/input.bw"))).pack();
    }

    @Test
    void theSamePackGivesByteIdenticalFiles() {
        List<OutputFile> first = Emitters.emitAll(fullPack(), GoldenFiles.OPTIONS);
        List<OutputFile> second = Emitters.emitAll(fullPack(), GoldenFiles.OPTIONS);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(OutputFile::path).doesNotHaveDuplicates();
    }

    @Test
    void everyFileIsLfOnlyAndEndsWithOneNewline() {
        for (OutputFile file : Emitters.emitAll(fullPack(), GoldenFiles.OPTIONS)) {
            assertThat(file.content()).as(file.path()).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
        }
    }

    @Test
    void everyEmitterWritesUnderItsOwnDirectory() {
        Pack pack = fullPack();
        for (Emitter emitter : Emitters.ALL) {
            assertThat(emitter.emit(pack, GoldenFiles.OPTIONS)).extracting(OutputFile::path)
                    .allMatch(path -> path.startsWith(emitter.name() + "/"), emitter.name());
        }
    }

    @Test
    void parameterOverridesReachTheEmittedRules() {
        Pack pack = InMemorySources.of("input.bw", GoldenFiles.read(GoldenFiles.root().resolve("prometheus/full/input.bw")))
                .pack(Map.of("urp_for", "3m", "lag_threshold", "5"));
        String rules = new PrometheusRuleFileEmitter().emit(pack, GoldenFiles.OPTIONS).get(0).content();
        assertThat(rules).contains("for: 3m").contains("(kafka_consumergroup_lag) > 5\n");
    }

    @Test
    void twoFilesAtOnePathFailLoudly() {
        Emitter twice = new Emitter() {
            @Override
            public String name() {
                return "twice";
            }

            @Override
            public List<OutputFile> emit(Pack pack, EmitOptions options) {
                return List.of(new OutputFile("twice/a.yml", "a\n"));
            }
        };
        assertThatThrownBy(() -> Emitters.emit(List.of(twice, twice), fullPack(), GoldenFiles.OPTIONS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice/a.yml");
    }
}
