package dev.brokerwatch.agent.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A text exposition cut into its families: name (as in the TYPE line) to the family's lines. */
public final class ExpositionFamilies {
  private ExpositionFamilies() {}

  /** Families in order of appearance; {@code # EOF} belongs to none. A family given twice is an error. */
  public static Map<String, String> of(String body) {
    Map<String, String> families = new LinkedHashMap<>();
    String current = null;
    StringBuilder lines = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty() || line.equals("# EOF")) {
        continue;
      }
      if (line.startsWith("# ")) {
        String name = line.split(" ")[2];
        if (!name.equals(current)) {
          if (current != null) {
            families.put(current, lines.toString());
          }
          if (families.containsKey(name)) {
            throw new IllegalStateException("family " + name + " appears twice");
          }
          current = name;
          lines.setLength(0);
        }
      }
      lines.append(line).append('\n');
    }
    if (current != null) {
      families.put(current, lines.toString());
    }
    return families;
  }

  /** The names of families whose name starts with {@code prefix}, in order of appearance. */
  public static List<String> namesStartingWith(Map<String, String> families, String prefix) {
    List<String> names = new ArrayList<>();
    for (String name : families.keySet()) {
      if (name.startsWith(prefix)) {
        names.add(name);
      }
    }
    return names;
  }
}
