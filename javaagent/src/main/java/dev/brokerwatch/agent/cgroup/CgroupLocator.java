package dev.brokerwatch.agent.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds this process's memory cgroup. In a container with a cgroup namespace the cgroup root is
 * the process's own cgroup; on a host the path comes from /proc/self/cgroup.
 */
public final class CgroupLocator {
  public static final String DEFAULT_ROOT = "/sys/fs/cgroup";
  public static final String DEFAULT_PROC_SELF_CGROUP = "/proc/self/cgroup";

  private CgroupLocator() {}

  /** A reader for the process's memory cgroup, or null when there is none to read. */
  public static CgroupMemoryReader locate(Path root, Path procSelfCgroup) {
    List<String> membership = readMembership(procSelfCgroup);
    if (CgroupV2Reader.isV2(root)) {
      return new CgroupV2Reader(root);
    }
    String v2Path = membershipPath(membership, true);
    if (v2Path != null && CgroupV2Reader.isV2(resolve(root, v2Path))) {
      return new CgroupV2Reader(resolve(root, v2Path));
    }
    Path v1Root = root.resolve("memory");
    String v1Path = membershipPath(membership, false);
    if (v1Path != null && CgroupV1Reader.isV1(resolve(v1Root, v1Path))) {
      return new CgroupV1Reader(resolve(v1Root, v1Path));
    }
    if (CgroupV1Reader.isV1(v1Root)) {
      return new CgroupV1Reader(v1Root);
    }
    return null;
  }

  private static List<String> readMembership(Path procSelfCgroup) {
    try {
      return Files.readAllLines(procSelfCgroup, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return java.util.Collections.emptyList();
    }
  }

  /** The path of the v2 ("0::/path") or v1 memory ("N:...memory...:/path") entry. */
  private static String membershipPath(List<String> membership, boolean v2) {
    for (String line : membership) {
      String[] parts = line.split(":", 3);
      if (parts.length != 3) {
        continue;
      }
      if (v2 && parts[0].equals("0") && parts[1].isEmpty()) {
        return parts[2];
      }
      if (!v2) {
        for (String controller : parts[1].split(",")) {
          if (controller.equals("memory")) {
            return parts[2];
          }
        }
      }
    }
    return null;
  }

  private static Path resolve(Path root, String cgroupPath) {
    String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    return relative.isEmpty() ? root : root.resolve(relative);
  }
}
