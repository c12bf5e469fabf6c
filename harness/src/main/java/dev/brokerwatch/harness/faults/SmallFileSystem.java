package dev.brokerwatch.harness.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.ManagedProcess;

/**
 * A small tmpfs mounted under {@code tests/target/proof-mnt/<name>} (needs root), for a log directory that
 * can really fill up. {@link #close()} unmounts it and removes the directory, also after a failure.
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path dir;

    private SmallFileSystem(Path dir) {
        this.dir = dir;
    }

    public static SmallFileSystem mount(String name, long bytes) {
        Path dir = HarnessPaths.targetDir().resolve("proof-mnt").resolve(name).toAbsolutePath();
        unmountIfMounted(dir);
        HarnessPaths.freshDir(dir);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", dir.toString()), dir);
        return new SmallFileSystem(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Grows (or shrinks) the file system in place: its files stay. */
    public void resize(long bytes) {
        run(List.of("mount", "-o", "remount,size=" + bytes, dir.toString()), dir);
    }

    public long used() {
        try {
            var store = Files.getFileStore(dir);
            return store.getTotalSpace() - store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long free() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        unmountIfMounted(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: it was not our mount; leave it
        }
    }

    private static boolean isMounted(Path dir) {
        try {
            return Files.readAllLines(Path.of("/proc/mounts")).stream()
                    .anyMatch(l -> l.split(" ").length > 1 && l.split(" ")[1].equals(dir.toString()));
        } catch (IOException e) {
            return false;
        }
    }

    private static void unmountIfMounted(Path dir) {
        for (int i = 0; i < 3 && isMounted(dir); i++) {
            run(List.of("umount", dir.toString()), dir.getParent());
        }
        if (isMounted(dir)) {
            run(List.of("umount", "-l", dir.toString()), dir.getParent());
        }
    }

    private static void run(List<String> cmd, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = HarnessPaths.targetDir().resolve("proof-mnt").resolve("mount.log");
        ManagedProcess.Result r = ManagedProcess.run(cmd.get(0), cmd, workDir, log, Duration.ofSeconds(30));
        if (!r.succeeded()) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + r.exitCode() + ", needs root): "
                    + r.output());
        }
    }
}
