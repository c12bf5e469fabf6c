package dev.brokerwatch.dsl.semantics.gotemplate;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an alert annotation or label template exactly as Prometheus does: with Go's text/template parser
 * rules, Go's built-in functions plus those Prometheus adds, and the variables Prometheus declares in front
 * of every alert template. Go stops at the first error, so there is at most one problem; it carries the
 * offset in the template text where Go finds it. Beyond Go's parser, two mistakes that always fail when
 * Prometheus expands the text are reported too: a {@code {{template}}} of a name never defined, and
 * {@code $x = ...} to a variable never declared.
 */
public final class GoTemplate {

    /** Go's text/template built-ins. */
    public static final Set<String> GO_FUNCTIONS = Set.of("and", "or", "not", "len", "index", "slice", "print", "printf",
            "println", "html", "js", "urlquery", "call", "eq", "ne", "lt", "le", "gt", "ge");

    /** What Prometheus's template/template.go adds for alert templates (text/template; tmpl exists only for consoles). */
    public static final Set<String> PROMETHEUS_FUNCTIONS = Set.of("query", "first", "label", "value", "strvalue", "args",
            "reReplaceAll", "safeHtml", "match", "title", "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel",
            "stripPort", "stripDomain", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
            "humanizeTimestamp", "toTime", "toDuration", "now", "pathPrefix", "externalURL", "parseDuration", "urlQueryEscape");

    public static final Set<String> FUNCTIONS = union(GO_FUNCTIONS, PROMETHEUS_FUNCTIONS);

    /**
     * Prometheus puts {@code {{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL :=
     * .ExternalURL}}{{$value := .Value}}} in front of the text; {@code $} always exists.
     */
    public static final List<String> ALERT_VARIABLES = List.of("$", "$labels", "$externalLabels", "$externalURL", "$value");

    /** A label the template reads, {@code $labels.x} or {@code index $labels "x"}: the label and where the reference is. */
    public record LabelReference(String label, int offset, int length) {
    }

    /** What Go reports: where in the template text (offset, length), its message, and how to fix it. */
    public record Problem(int offset, int length, String message, String hint) {
    }

    public record Result(List<LabelReference> labels, List<Problem> problems, boolean usesValue) {
    }

    private GoTemplate() {
    }

    public static Result read(String text) {
        return TemplateParser.parse(text, FUNCTIONS, ALERT_VARIABLES);
    }

    /** Sorted, so that suggestions do not depend on hash order. */
    private static Set<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSortedSet(all);
    }
}
