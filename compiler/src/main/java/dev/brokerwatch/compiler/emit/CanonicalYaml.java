package dev.brokerwatch.compiler.emit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The one YAML writer of every emitter. Input is a tree of {@link Map}s (written in insertion order, so
 * callers use {@link #map()}), {@link List}s, strings, numbers and booleans. Output is block style with a
 * two-space indent, never wrapped, LF line ends, no anchors; multi-line strings become literal blocks, other
 * strings are plain when YAML reads them back as the same string and quoted otherwise (SnakeYAML checks
 * this against its resolver, so "yes", "1.0", "null", ": x" or "{{ x }}" come out quoted).
 */
public final class CanonicalYaml {
    private CanonicalYaml() {
    }

    /** A map that keeps insertion order, as every mapping written here must. */
    public static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    /** The YAML text of a tree, ending with exactly one newline. */
    public static String dump(Object tree) {
        String text = yaml().dump(tree);
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Comment lines ({@code # ...}) followed by the YAML text of a tree. */
    public static String dump(List<String> headerComments, Object tree) {
        StringBuilder out = new StringBuilder();
        for (String line : headerComments) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.append(dump(tree)).toString();
    }

    // a new Yaml per call: SnakeYAML's emitter state is not thread-safe
    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setAllowUnicode(true);
        // control characters are written as escapes in a double-quoted string, never as !!binary
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        options.setDereferenceAliases(true);
        options.setExplicitStart(false);
        options.setExplicitEnd(false);
        return new Yaml(new CanonicalRepresenter(options), options);
    }

    /** Writes doubles as Java prints them, which round-trips exactly; YAML 1.1 float syntax wants a signed exponent. */
    private static final class CanonicalRepresenter extends Representer {
        CanonicalRepresenter(DumperOptions options) {
            super(options);
            Represent doubles = data -> representDouble((Double) data);
            this.representers.put(Double.class, doubles);
            Represent strings = this.representers.get(String.class);
            this.representers.put(String.class, data -> representString((String) data, strings));
        }

        // YAML readers turn NEL, LS and PS into plain line breaks inside block and plain scalars; only a
        // double-quoted scalar keeps them, as escapes
        private Node representString(String value, Represent standard) {
            if (value.indexOf(0x85) >= 0 || value.indexOf(0x2028) >= 0 || value.indexOf(0x2029) >= 0) {
                return representScalar(Tag.STR, value, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            }
            return standard.representData(value);
        }

        private Node representDouble(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            String text = Double.toString(value);
            int e = text.indexOf('E');
            if (e >= 0 && text.charAt(e + 1) != '-') {
                text = text.substring(0, e + 1) + "+" + text.substring(e + 1);
            }
            return representScalar(Tag.FLOAT, text);
        }
    }
}
