package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.dsl.diag.CheckCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code # brokerwatch: disable} comments an imported file gets: for the whole file, and per rule or group
 * (keyed by the rule or group as read). Each names its reason, so a reader of the file knows why it is there.
 */
final class Disables {
    final Map<CheckCode, String> wholeFile = new LinkedHashMap<>();
    final Map<Object, Map<CheckCode, String>> perItem = new java.util.IdentityHashMap<>();

    void item(Object item, CheckCode code, String reason) {
        perItem.computeIfAbsent(item, k -> new LinkedHashMap<>()).putIfAbsent(code, reason);
    }

    Map<CheckCode, String> of(Object item) {
        return perItem.getOrDefault(item, Map.of());
    }
}
