package dev.brokerwatch.agent.cgroup;

import dev.brokerwatch.agent.mapping.CgroupField;

/** One reading of a cgroup's memory files, in bytes; {@link #ABSENT} where a value is missing. */
public final class MemoryReading {
  /** Marks a value the files did not provide, or a limit that is not set. */
  public static final long ABSENT = -1L;

  private final long usage;
  private final long limit;
  private final long rss;
  private final long inactiveFile;

  public MemoryReading(long usage, long limit, long rss, long inactiveFile) {
    this.usage = usage;
    this.limit = limit;
    this.rss = rss;
    this.inactiveFile = inactiveFile;
  }

  public long usage() {
    return usage;
  }

  /** The memory limit, or {@link #ABSENT} when the cgroup has none. */
  public long limit() {
    return limit;
  }

  public long rss() {
    return rss;
  }

  public long inactiveFile() {
    return inactiveFile;
  }

  public boolean hasLimit() {
    return limit > 0;
  }

  /** usage minus inactive_file, never below zero; ABSENT when either is missing. */
  public long workingSet() {
    if (usage == ABSENT || inactiveFile == ABSENT) {
      return ABSENT;
    }
    return Math.max(0L, usage - inactiveFile);
  }

  /** The value of {@code field}, or NaN when it cannot be computed from this reading. */
  public double value(CgroupField field) {
    switch (field) {
      case USAGE:
        return orNaN(usage);
      case LIMIT:
        return hasLimit() ? limit : Double.NaN;
      case RSS:
        return orNaN(rss);
      case INACTIVE_FILE:
        return orNaN(inactiveFile);
      case WORKING_SET:
        return orNaN(workingSet());
      case OOM_RATIO:
        return ratio(workingSet());
      case OOM_FLOOR_RATIO:
        return ratio(rss);
      default:
        return Double.NaN;
    }
  }

  /** True for the fields that only exist when a limit is set. */
  public static boolean needsLimit(CgroupField field) {
    return field == CgroupField.LIMIT || field == CgroupField.OOM_RATIO || field == CgroupField.OOM_FLOOR_RATIO;
  }

  private double ratio(long numerator) {
    if (!hasLimit() || numerator == ABSENT) {
      return Double.NaN;
    }
    return (double) numerator / (double) limit;
  }

  private static double orNaN(long value) {
    return value == ABSENT ? Double.NaN : value;
  }
}
