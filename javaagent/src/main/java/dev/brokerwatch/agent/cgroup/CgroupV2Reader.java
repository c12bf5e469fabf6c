package dev.brokerwatch.agent.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** cgroup v2: memory.current, memory.max ("max" = no limit), memory.stat anon and inactive_file. */
public final class CgroupV2Reader implements CgroupMemoryReader {
  private final Path directory;

  public CgroupV2Reader(Path directory) {
    this.directory = directory;
  }

  /** True when {@code directory} holds the v2 memory controller files. */
  public static boolean isV2(Path directory) {
    return Files.isReadable(directory.resolve("memory.current"));
  }

  @Override
  public MemoryReading read() throws IOException {
    Long usage = CgroupMemoryReader.readNumberFile(directory.resolve("memory.current"));
    Path maxFile = directory.resolve("memory.max");
    Long limit = Files.exists(maxFile) ? CgroupMemoryReader.readNumberFile(maxFile) : null;
    List<String> stat = Files.readAllLines(directory.resolve("memory.stat"), StandardCharsets.US_ASCII);
    return new MemoryReading(
        usage == null ? MemoryReading.ABSENT : usage,
        limit == null ? MemoryReading.ABSENT : limit,
        CgroupMemoryReader.statValue(stat, "anon"),
        CgroupMemoryReader.statValue(stat, "inactive_file"));
  }

  @Override
  public Path directory() {
    return directory;
  }
}
