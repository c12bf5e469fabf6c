package dev.brokerwatch.compiler.audit.reporter;

import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each allowlist entry was written, so that a finding points at it. The entries come from a parser (Properties,
 * SnakeYAML, a comma split) that keeps no positions; they are found again in the text in the order they were read.
 * An entry written differently from how it reads (a properties escape, a YAML escape) is not found: its finding points
 * at where the list starts.
 */
final class AllowlistPositions {
    private AllowlistPositions() {
    }

    /** The offset just past the first occurrence of {@code key} in {@code text} that starts a line's content, or 0. */
    static int after(String text, String key) {
        int from = 0;
        while (true) {
            int at = text.indexOf(key, from);
            if (at < 0) {
                return 0;
            }
            int lineStart = text.lastIndexOf('\n', at) + 1;
            if (text.substring(lineStart, at).isBlank()) {
                return at + key.length();
            }
            from = at + key.length();
        }
    }

    /** One span per entry: its next occurrence from {@code from} on, each search starting past the previous entry. */
    static List<Span> inOrder(SourceFile file, int from, List<String> entries) {
        String text = file.text();
        List<Span> spans = new ArrayList<>(entries.size());
        int cursor = from;
        for (String entry : entries) {
            int at = entry.isEmpty() ? -1 : text.indexOf(entry, cursor);
            if (at < 0) {
                spans.add(new Span(file, from, from));
            } else {
                spans.add(new Span(file, at, at + entry.length()));
                cursor = at + entry.length();
            }
        }
        return spans;
    }
}
