package dev.brokerwatch.compiler.audit.reporter;

import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code exporter/allowlist-unused}: an entry of a written allowlist that no metric of the audited version and role
 * matches. The reporter matches the whole name before the exposition adds {@code _total} or {@code _info}, so an entry
 * written for the exposed name, with the wrong separators or for a ZooKeeper-era metric reads nothing. An entry that
 * matches on another role's nodes is an info: one allowlist usually serves every node of a cluster.
 */
public final class AllowlistChecks {
    public static final CheckCode CODE = CheckCode.EXPORTER_ALLOWLIST_UNUSED;
    private static final Pattern REGEX_SYNTAX = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");

    private AllowlistChecks() {
    }

    /**
     * The findings for {@code allowlist} on the node {@code inventory} was recorded on, whose reporter forms {@code names};
     * {@code otherRoles} are the names formed on nodes of the other roles of the same version, by role.
     */
    public static List<Diagnostic> unused(StrimziAllowlist allowlist, MBeanInventory inventory, SortedSet<String> names,
                                          Map<String, SortedSet<String>> otherRoles) {
        if (!allowlist.written()) {
            return List.of(); // a default nobody wrote: the operator's list serves every role
        }
        List<Diagnostic> out = new ArrayList<>();
        String role = inventory.role();
        for (int i = 0; i < allowlist.entries().size(); i++) {
            String entry = allowlist.entries().get(i);
            Pattern pattern = Pattern.compile(entry);
            if (names.stream().anyMatch(n -> pattern.matcher(n).matches())) {
                continue;
            }
            List<String> elsewhere = otherRoles.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(n -> pattern.matcher(n).matches()))
                    .map(Map.Entry::getKey).toList();
            String on = "Kafka " + inventory.kafkaVersion() + " (" + role + ")";
            if (!elsewhere.isEmpty()) {
                out.add(Diagnostic.of(CODE, Severity.INFO, allowlist.spans().get(i),
                        "allowlist entry '" + entry + "' matches no metric of a " + role + " node of Kafka "
                                + inventory.kafkaVersion() + ", only on " + String.join(" and ", elsewhere) + " nodes",
                        "fine when one allowlist serves every node; audit with --role " + elsewhere.get(0)
                                + " to check those nodes"));
                continue;
            }
            String hint = suggestion(entry, names)
                    .map(s -> "did you mean '" + s + "'? ")
                    .orElse("")
                    + "the entry must match the whole name before _total or _info is added, in the reporter's naming "
                    + "(lower case, '_' for '.' and '-'; docs/audit.md)";
            out.add(Diagnostic.of(CODE, Severity.WARNING, allowlist.spans().get(i),
                    "allowlist entry '" + entry + "' matches no metric of " + on + " (" + names.size()
                            + " metrics there), so the reporter reads nothing through it",
                    hint));
        }
        return out;
    }

    /**
     * The closest name for a literal entry, or the closest name prefix (ended at a '_') for an entry that is a literal
     * prefix followed by a pattern, the suggestion keeping the entry's own pattern part.
     */
    static Optional<String> suggestion(String entry, SortedSet<String> names) {
        Matcher syntax = REGEX_SYNTAX.matcher(entry);
        if (!syntax.find()) {
            return DidYouMean.suggest(entry, names);
        }
        String literal = entry.substring(0, syntax.start());
        String rest = entry.substring(syntax.start());
        if (literal.length() < 4) {
            return Optional.empty();
        }
        SortedSet<String> prefixes = new TreeSet<>();
        for (String n : names) {
            for (int at = n.indexOf('_'); at >= 0; at = n.indexOf('_', at + 1)) {
                prefixes.add(n.substring(0, at));
            }
            prefixes.add(n);
        }
        return DidYouMean.suggest(literal, prefixes)
                .map(p -> p + rest)
                .filter(candidate -> {
                    Pattern p = Pattern.compile(candidate);
                    return names.stream().anyMatch(n -> p.matcher(n).matches());
                });
    }
}
