package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class CanonicalYamlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "plain", "", " ", "  leading", "trailing  ", "a: b", "a:b", "- dash", "-", "? q", "key #not", "#hash",
            "{{ $labels.pod }}", "{{ $value | humanize }} left", "[list]", "{map: 1}", "*alias", "&anchor", "!tag",
            "%percent", "@at", "`tick`", "'single'", "\"double\"", "it's \"both\"", "yes", "no", "on", "off", "y", "n",
            "null", "Null", "~", "true", "False", "1", "1.5", "-2", "0x1F", "0o17", "017", "1e3", ".inf", ".NaN",
            "1_000", "12:30:00", "2024-01-01", "tab\there", "\ttab first", "line\nbreak", "line\nbreak\n", "\nleading break",
            "trailing break\n\n", "spaces \nbefore break", "ünïcødé ✓ — ☃ 😀", "bell\u0007char", "nul\u0000char",
            "carriage\r\nreturn", "\u0085nel", "\u2028line sep", "back\\slash", "|", ">", "| literal", "> folded",
            "= equals", "<<", "---", "...", "--- doc", ",comma", "a, b", "x # y", "x #y", "\"", "'"})
    void anyStringSurvivesARoundTrip(String nasty) {
        Map<String, Object> tree = CanonicalYaml.map();
        tree.put("value", nasty);
        tree.put(nasty, "as key");
        tree.put("list", List.of(nasty, nasty));
        String yaml = CanonicalYaml.dump(tree);
        assertThat(load(yaml)).as(yaml).isEqualTo(tree);
        assertThat(yaml).endsWith("\n").doesNotContain("\r\n").doesNotContain("&id").doesNotContain("!!binary");
    }

    @Test
    void multiLineStringsAreLiteralBlocks() {
        Map<String, Object> tree = CanonicalYaml.map();
        tree.put("expr", "sum(x)\n  > 0");
        tree.put("text", "ends with a break\n");
        assertThat(CanonicalYaml.dump(tree)).isEqualTo("""
                expr: |-
                  sum(x)
                    > 0
                text: |
                  ends with a break
                """);
    }

    @Test
    void mapsKeepInsertionOrderAndListsIndentUnderTheirKey() {
        Map<String, Object> tree = CanonicalYaml.map();
        tree.put("zeta", 1);
        tree.put("alpha", List.of(Map.of("k", "v"), "x"));
        tree.put("empty", List.of());
        tree.put("flag", false);
        assertThat(CanonicalYaml.dump(List.of("header", ""), tree)).isEqualTo("""
                # header
                #
                zeta: 1
                alpha:
                  - k: v
                  - x
                empty: []
                flag: false
                """);
    }

    @Test
    void longLinesAreNeverWrapped() {
        String longText = "word ".repeat(100).strip();
        assertThat(CanonicalYaml.dump(Map.of("k", longText))).isEqualTo("k: " + longText + "\n");
    }

    @Test
    void doublesRoundTripExactly() {
        for (double d : new double[] {0.001, 1.0E-9, 0.01, 1000.0, 1.0E10, 1.0 / 3, 123456.789}) {
            Map<String, Object> tree = CanonicalYaml.map();
            tree.put("valueFactor", d);
            String yaml = CanonicalYaml.dump(tree);
            assertThat(yaml).doesNotContain("!!");
            assertThat(load(yaml).get("valueFactor")).as(yaml).isEqualTo(d);
        }
    }

    @Test
    void sharedObjectsAreWrittenInFullNotAsAliases() {
        List<String> shared = new ArrayList<>(List.of("a"));
        Map<String, Object> tree = CanonicalYaml.map();
        tree.put("one", shared);
        tree.put("two", shared);
        assertThat(CanonicalYaml.dump(tree)).isEqualTo("one:\n  - a\ntwo:\n  - a\n");
    }

    private static Map<?, ?> load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }
}
