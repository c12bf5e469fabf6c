package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden files: {@code src/test/resources/golden/<emitter>/<case>/input.bw} and, beside it, every file the
 * emitter writes, at its relative path. {@code -Dgolden.update=true} rewrites the expected files instead
 * of comparing (and removes ones no longer emitted).
 */
final class GoldenFiles {
    static final String INPUT = "input.bw";
    static final EmitOptions OPTIONS = new EmitOptions("kafka", "monitoring", Map.of("team", "streaming", "prometheus", "platform"));

    private GoldenFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The cases of one emitter: the directories under golden/<emitter>/ that hold an input.bw. */
    static List<String> cases(String emitter) {
        Path dir = root().resolve(emitter);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(INPUT))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(Emitter emitter, String caseName) {
        Path dir = root().resolve(emitter.name()).resolve(caseName);
        String input = read(dir.resolve(INPUT));
        List<OutputFile> emitted = emitter.emit(InMemorySources.of(INPUT, input).pack(), OPTIONS);
        Map<String, String> actual = new TreeMap<>();
        emitted.forEach(f -> actual.put(f.path(), f.content()));
        assertThat(actual).as("%s emitted two files at one path", emitter.name()).hasSameSizeAs(emitted);
        if (updating()) {
            write(dir, actual);
            return;
        }
        Map<String, String> expected = expectedFiles(dir);
        assertThat(actual.keySet()).as("files emitted by %s for %s (run with -Dgolden.update=true to accept)", emitter.name(), caseName)
                .containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> file : actual.entrySet()) {
            assertThat(file.getValue()).as("%s/%s/%s (run with -Dgolden.update=true to accept)", emitter.name(), caseName, file.getKey())
                    .isEqualTo(expected.get(file.getKey()));
        }
    }

    private static Map<String, String> expectedFiles(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve(INPUT)))
                    .forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void write(Path dir, Map<String, String> files) {
        expectedFiles(dir).keySet().stream().filter(path -> !files.containsKey(path)).forEach(path -> delete(dir.resolve(path)));
        files.forEach((path, content) -> {
            Path target = dir.resolve(path);
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
