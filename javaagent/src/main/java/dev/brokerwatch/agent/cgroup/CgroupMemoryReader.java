package dev.brokerwatch.agent.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the memory accounting files of one cgroup directory (v1 or v2). */
public interface CgroupMemoryReader {

  MemoryReading read() throws IOException;

  /** The directory read, for messages and tests. */
  Path directory();

  /** A single-number file such as memory.current; null for a file holding {@code max}. */
  static Long readNumberFile(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
    if (text.equals("max")) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": not a number: " + text);
    }
  }

  /** One {@code key value} entry of memory.stat, or {@link MemoryReading#ABSENT}. */
  static long statValue(List<String> statLines, String key) {
    for (String line : statLines) {
      if (line.length() > key.length() && line.startsWith(key) && line.charAt(key.length()) == ' ') {
        try {
          return Long.parseLong(line.substring(key.length() + 1).trim());
        } catch (NumberFormatException e) {
          return MemoryReading.ABSENT;
        }
      }
    }
    return MemoryReading.ABSENT;
  }
}
