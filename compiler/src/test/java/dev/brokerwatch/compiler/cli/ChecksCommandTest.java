package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.diag.CheckCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ChecksCommandTest {

    @Test
    void listsEveryRegisteredCodeWithItsSeverityAndSummaryInRegistryOrder() {
        Cli cli = Cli.run("checks");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).as("one line per registered code").hasSize(CheckCode.values().length);
        for (int i = 0; i < lines.size(); i++) {
            CheckCode code = CheckCode.values()[i];
            assertThat(lines.get(i)).as("line %d", i + 1)
                    .startsWith(code.code() + " ").contains(" " + code.severityText() + " ").endsWith(code.plainSummary());
        }
    }

    @Test
    void textOutputHasNoMarkdownMarks() {
        assertThat(Cli.run("checks").out()).as("summaries are printed without Markdown code marks").doesNotContain("`");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFormatGivesCodeSeveritiesSummaryDocsPageAndWhetherItCanBeDisabled() {
        Cli cli = Cli.run("checks", "--format", "json");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        List<Map<String, Object>> codes = (List<Map<String, Object>>) new Yaml().load(cli.out());
        assertThat(codes).extracting(c -> c.get("code")).as("codes, in registry order").containsExactlyElementsOf(CheckCode.codes());
        assertThat(codes).filteredOn(c -> c.get("code").equals("catalog/naming")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("severities", List.of("error", "warning"))
                    .containsEntry("docs", "docs/checks/catalog/naming.md").containsEntry("disableable", true);
            assertThat((String) c.get("summary")).contains("`_total`");
        });
        assertThat(codes).filteredOn(c -> c.get("code").equals("syntax/invalid")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("disableable", false));
    }
}
