package dev.brokerwatch.agent.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cgroup v1 memory controller: memory.usage_in_bytes, memory.limit_in_bytes and memory.stat
 * total_rss / total_inactive_file (the hierarchical totals, which include child cgroups).
 */
public final class CgroupV1Reader implements CgroupMemoryReader {
  /** v1 reports "no limit" as a huge page-aligned number near Long.MAX_VALUE. */
  static final long UNLIMITED_THRESHOLD = Long.MAX_VALUE / 2;

  private final Path directory;

  public CgroupV1Reader(Path directory) {
    this.directory = directory;
  }

  /** True when {@code directory} holds the v1 memory controller files. */
  public static boolean isV1(Path directory) {
    return Files.isReadable(directory.resolve("memory.usage_in_bytes"));
  }

  @Override
  public MemoryReading read() throws IOException {
    Long usage = CgroupMemoryReader.readNumberFile(directory.resolve("memory.usage_in_bytes"));
    Long limit = CgroupMemoryReader.readNumberFile(directory.resolve("memory.limit_in_bytes"));
    List<String> stat = Files.readAllLines(directory.resolve("memory.stat"), StandardCharsets.US_ASCII);
    long rss = CgroupMemoryReader.statValue(stat, "total_rss");
    if (rss == MemoryReading.ABSENT) {
      rss = CgroupMemoryReader.statValue(stat, "rss");
    }
    long inactiveFile = CgroupMemoryReader.statValue(stat, "total_inactive_file");
    if (inactiveFile == MemoryReading.ABSENT) {
      inactiveFile = CgroupMemoryReader.statValue(stat, "inactive_file");
    }
    boolean unlimited = limit == null || limit >= UNLIMITED_THRESHOLD;
    return new MemoryReading(
        usage == null ? MemoryReading.ABSENT : usage,
        unlimited ? MemoryReading.ABSENT : limit,
        rss,
        inactiveFile);
  }

  @Override
  public Path directory() {
    return directory;
  }
}
