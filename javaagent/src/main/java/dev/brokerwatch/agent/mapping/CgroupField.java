package dev.brokerwatch.agent.mapping;

/** A container memory value that a {@code cgroup <field>} line exports. */
public enum CgroupField {
  USAGE("usage"),
  LIMIT("limit"),
  RSS("rss"),
  INACTIVE_FILE("inactive_file"),
  /** usage minus inactive_file: what the kernel's OOM killer looks at. */
  WORKING_SET("working_set"),
  /** working_set / limit. */
  OOM_RATIO("oom_ratio"),
  /** rss / limit: the part of the working set that cannot be reclaimed. */
  OOM_FLOOR_RATIO("oom_floor_ratio");

  private final String keyword;

  CgroupField(String keyword) {
    this.keyword = keyword;
  }

  /** The word used in a mapping file. */
  public String keyword() {
    return keyword;
  }

  /** The field for a mapping-file word, or null when the word names no field. */
  public static CgroupField fromKeyword(String word) {
    for (CgroupField field : values()) {
      if (field.keyword.equals(word)) {
        return field;
      }
    }
    return null;
  }

  /** All keywords, comma separated, for error messages. */
  public static String keywords() {
    StringBuilder all = new StringBuilder();
    for (CgroupField field : values()) {
      if (all.length() > 0) {
        all.append(", ");
      }
      all.append(field.keyword);
    }
    return all.toString();
  }
}
