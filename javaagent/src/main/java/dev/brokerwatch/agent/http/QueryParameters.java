package dev.brokerwatch.agent.http;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a request's query string, decoded as forms are ({@code +} is a space). */
final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param rawQuery the query as sent, still percent-encoded; null for none
   * @throws IllegalArgumentException for a broken percent-encoding
   */
  static QueryParameters parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  /** Every value of {@code name}, in order; empty when absent. */
  List<String> all(String name) {
    List<String> found = values.get(name);
    return found == null ? Collections.<String>emptyList() : found;
  }

  /** The first value of {@code name}, or null. */
  String first(String name) {
    List<String> found = values.get(name);
    return found == null ? null : found.get(0);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is required of every JVM", e);
    }
  }
}
