package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.DeliveryExpectation;
import dev.brokerwatch.dsl.ast.DeliveryTest;
import dev.brokerwatch.dsl.ast.InhibitionExpectation;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.compile.RuleInfo;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The delivery tests' {@code expect inhibits}/{@code expect spares}, judged against the emitted {@code inhibit_rules}
 * read back from the YAML, by Alertmanager's rule: the source matches {@code source_matchers}, the target
 * {@code target_matchers}, and every {@code equal} label has one value on both (a missing label is the empty value).
 * amtool has no offline inhibition test; {@code amtool check-config} validates the rules' syntax.
 */
class EmittedInhibitionsTest {
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)(=~|=)\"(.*)\"");

    @TestFactory
    Stream<DynamicTest> everyInhibitionExpectationHoldsForTheEmittedRules() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String caseName : GoldenFiles.cases("alertmanager")) {
            Pack pack = InMemorySources.of(GoldenFiles.INPUT, GoldenFiles.read(GoldenFiles.root().resolve("alertmanager")
                    .resolve(caseName).resolve(GoldenFiles.INPUT))).pack();
            tests.addAll(expectations(caseName, pack));
        }
        CompileResult curated = Frontend.run(List.of(Path.of(System.getProperty("brokerwatch.repo", ".."), "alerts", "kafka.bw")
                .toString()), SourceLoader.fileSystem(), Map.of());
        assertThat(curated.hasErrors()).as("the curated pack compiles: %s", curated.diagnostics()).isFalse();
        tests.addAll(expectations("curated", curated.pack()));
        assertThat(tests).as("inhibition expectations to judge").isNotEmpty();
        return tests.stream();
    }

    private static List<DynamicTest> expectations(String caseName, Pack pack) {
        String yaml = new AlertmanagerConfigEmitter().emit(pack, GoldenFiles.OPTIONS).stream()
                .filter(f -> f.path().endsWith("/alertmanager.yml")).findFirst().orElseThrow().content();
        Map<String, Object> config = new Yaml().load(yaml);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) config.getOrDefault("inhibit_rules", List.of());
        Map<String, AlertRule> alerts = new LinkedHashMap<>();
        pack.rules().stream().map(RuleInfo::rule).filter(r -> r instanceof AlertRule).map(r -> (AlertRule) r)
                .forEach(a -> alerts.putIfAbsent(a.name().text(), a));
        List<DynamicTest> out = new ArrayList<>();
        for (AlertRule alert : alerts.values()) {
            for (DeliveryTest test : alert.deliveryTests()) {
                for (DeliveryExpectation e : test.expectations()) {
                    if (e instanceof InhibitionExpectation expectation) {
                        Map<String, String> source = labels(alert, test.labels());
                        Map<String, String> target = labels(alerts.get(expectation.target().text()), expectation.labels());
                        String name = caseName + ": " + alert.name().text() + " " + (expectation.inhibits() ? "inhibits " : "spares ")
                                + target;
                        out.add(DynamicTest.dynamicTest(name, () -> assertThat(inhibited(rules, source, target))
                                .as("%s firing with %s, against the emitted inhibit_rules%n%s", alert.name().text(), source, yaml)
                                .isEqualTo(expectation.inhibits())));
                    }
                }
            }
        }
        return out;
    }

    /** The labels Alertmanager sees: alertname, severity, the rule's static labels, then the written ones. */
    private static Map<String, String> labels(AlertRule alert, List<KeyValue> written) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.name().text());
        if (alert.severity() != null) {
            labels.put("severity", alert.severity().text());
        }
        alert.labels().forEach(kv -> labels.put(kv.key().text(), kv.value().value()));
        written.forEach(kv -> labels.put(kv.key().text(), kv.value().value()));
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static boolean inhibited(List<Map<String, Object>> rules, Map<String, String> source, Map<String, String> target) {
        for (Map<String, Object> rule : rules) {
            if (matchesAll((List<String>) rule.get("source_matchers"), source)
                    && matchesAll((List<String>) rule.get("target_matchers"), target)
                    && ((List<String>) rule.getOrDefault("equal", List.of())).stream()
                            .allMatch(l -> source.getOrDefault(l, "").equals(target.getOrDefault(l, "")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAll(List<String> matchers, Map<String, String> labels) {
        for (String text : matchers) {
            Matcher m = MATCHER.matcher(text);
            assertThat(m.matches()).as("an emitted matcher of the form label=\"v\" or label=~\"re\": %s", text).isTrue();
            String value = labels.getOrDefault(m.group(1), "");
            boolean ok = m.group(2).equals("=") ? value.equals(m.group(3)) : value.matches("(?:" + m.group(3) + ")");
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
