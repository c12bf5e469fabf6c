package dev.brokerwatch.dsl.semantics;

import dev.brokerwatch.dsl.source.Span;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The label names an expression's result carries, and for each label that an inner part of the
 * expression dropped, where it was dropped (so a message can point at the {@code sum by} that lost it).
 * {@code open} means the set is not known (an unknown metric upstream): checks stay silent rather than
 * pile follow-on errors onto the first one.
 */
public record LabelFlow(SortedSet<String> labels, boolean open, Map<String, Span> removedAt) {

    public static final LabelFlow NONE = new LabelFlow(new TreeSet<>(), false, Map.of());
    public static final LabelFlow UNKNOWN = new LabelFlow(new TreeSet<>(), true, Map.of());

    public LabelFlow {
        labels = Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        removedAt = Collections.unmodifiableMap(new TreeMap<>(removedAt));
    }

    public static LabelFlow of(Collection<String> labels) {
        return new LabelFlow(new TreeSet<>(labels), false, Map.of());
    }

    public boolean has(String label) {
        return open || labels.contains(label);
    }

    /** Keeps only {@code kept}; every other label is recorded as dropped at {@code where}. */
    public LabelFlow keepOnly(Collection<String> kept, Span where) {
        TreeSet<String> out = new TreeSet<>();
        Map<String, Span> removed = new TreeMap<>(removedAt);
        for (String label : labels) {
            if (kept.contains(label)) {
                out.add(label);
            } else {
                removed.put(label, where);
            }
        }
        for (String label : kept) {
            if (open) {
                out.add(label);
            }
        }
        return new LabelFlow(out, false, removed);
    }

    /** Drops {@code dropped}, recording where. */
    public LabelFlow without(Collection<String> dropped, Span where) {
        TreeSet<String> out = new TreeSet<>(labels);
        Map<String, Span> removed = new TreeMap<>(removedAt);
        for (String label : dropped) {
            if (out.remove(label)) {
                removed.put(label, where);
            }
        }
        return new LabelFlow(out, open, removed);
    }

    public LabelFlow plus(Collection<String> added) {
        TreeSet<String> out = new TreeSet<>(labels);
        out.addAll(added);
        Map<String, Span> removed = new TreeMap<>(removedAt);
        added.forEach(removed::remove);
        return new LabelFlow(out, open, removed);
    }

    public LabelFlow union(LabelFlow other) {
        TreeSet<String> out = new TreeSet<>(labels);
        out.addAll(other.labels);
        Map<String, Span> removed = new TreeMap<>(other.removedAt);
        removed.putAll(removedAt);
        out.forEach(removed::remove);
        return new LabelFlow(out, open || other.open, removed);
    }
}
