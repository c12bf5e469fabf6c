package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.delivery.InhibitionTarget;
import dev.brokerwatch.dsl.delivery.ResolvedInhibition;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts that inhibit each other, directly or through others. An inhibited alert still inhibits (Alertmanager does
 * not look at the source's own state), so while all of them fire none is notified. Reported once per cycle, at the
 * clause of the alert whose name sorts first.
 */
public final class InhibitCycleCheck implements Check {
    public static final CheckCode CODE = CheckCode.INHIBIT_CYCLE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            for (RuleInfo target : inhibition.knownTargets()) {
                edges.computeIfAbsent(name(inhibition.source()), k -> new LinkedHashSet<>()).add(name(target));
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        Set<List<String>> reported = new LinkedHashSet<>();
        for (ResolvedInhibition inhibition : context.delivery().inhibitions()) {
            String source = name(inhibition.source());
            for (InhibitionTarget target : inhibition.targets()) {
                if (target.alert() == null) {
                    continue;
                }
                List<String> back = path(edges, name(target.alert()), source);
                if (back == null) {
                    continue;
                }
                List<String> cycle = new ArrayList<>();
                cycle.add(source);
                cycle.addAll(back.subList(0, back.size() - 1));
                if (!source.equals(Collections.min(cycle)) || !reported.add(canonical(cycle))) {
                    continue;
                }
                List<String> shown = new ArrayList<>(cycle);
                shown.add(source);
                out.add(Diagnostic.of(CODE, Severity.ERROR, target.written().span(),
                        "inhibition cycle " + String.join(" -> ", shown) + ": while they all fire, none of them is notified",
                        "let only the cause inhibit its symptoms; remove one direction"));
            }
        }
        return out;
    }

    /** The alerts from {@code from} to {@code to} along inhibitions, both included, or null when there is no path. */
    private static List<String> path(Map<String, Set<String>> edges, String from, String to) {
        Map<String, String> previous = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        previous.put(from, null);
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            if (at.equals(to)) {
                List<String> out = new ArrayList<>();
                for (String step = at; step != null; step = previous.get(step)) {
                    out.add(0, step);
                }
                return out;
            }
            for (String next : edges.getOrDefault(at, Set.of())) {
                if (!previous.containsKey(next)) {
                    previous.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return null;
    }

    private static List<String> canonical(List<String> cycle) {
        return cycle.stream().sorted().toList();
    }

    private static String name(RuleInfo rule) {
        return rule.rule().name().text();
    }
}
