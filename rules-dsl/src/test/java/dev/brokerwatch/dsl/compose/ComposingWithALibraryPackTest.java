package dev.brokerwatch.dsl.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.resolve.BuiltinPack;
import dev.brokerwatch.dsl.resolve.ParamValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user pack that imports a library pack (here a stand-in for the curated pack embedded in the jar) to reuse its
 * catalog gets no diagnostics that are not bugs of its own.
 */
class ComposingWithALibraryPackTest {
    private static final String LIBRARY_CATALOG = """
            import "metrics.bw"
            param target_labels = (job, instance, namespace, pod)
            param broker_labels = (namespace, pod)
            """;
    private static final String LIBRARY_METRICS = """
            metric kafka_server_replicamanager_underreplicatedpartitions gauge
              help "Under-replicated partitions"
              jmx "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions" attribute Value
            external metric up gauge source prometheus
            """;
    private static final String LIBRARY_ALERTS = """
            import "kafka-catalog.bw"
            severities critical, warning, info
            group library {
              alert LibraryAlert {
                expr up == 0
                severity info
                summary "s"
                description "d"
                runbook "r"
              }
            }
            """;

    private static Sources library() {
        return new Sources().with("kafka-catalog.bw", LIBRARY_CATALOG).with("metrics.bw", LIBRARY_METRICS)
                .with("kafka.bw", LIBRARY_ALERTS);
    }

    private static CompileResult compile(String userPack) {
        Sources user = Sources.of("my-pack.bw", userPack);
        return Frontend.run(List.of("my-pack.bw"), BuiltinPack.over(user.loader(), library().loader()), Map.of());
    }

    private static final String MY_ALERT = """
            group mine {
              alert MyUnderReplicated {
                expr sum by ($broker_labels) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                severity %s
                summary "{{ $labels.pod }} is under-replicated"
                description "d"
                runbook "r"
              }
            }
            """;

    @Test
    void aBuiltinImportReadsTheLibraryFileAndItsImportsInsideTheLibrary() {
        CompileResult result = compile("import \"brokerwatch:kafka-catalog\"\n" + MY_ALERT.formatted("warning"));

        assertThat(result.diagnostics()).as("diagnostics of a pack that imports the library catalog:%n%s",
                Sources.render(result.diagnostics())).isEmpty();
        assertThat(result.pack().files()).extracting(f -> f.source().displayPath())
                .as("the library's files are named by the scheme, wherever the library lives")
                .containsExactly("brokerwatch:metrics.bw", "brokerwatch:kafka-catalog.bw", "my-pack.bw");
    }

    @Test
    void anUnknownBuiltinNameIsAnImportErrorThatListsTheBuiltinImports() {
        CompileResult result = compile("import \"brokerwatch:kafka-catalogue\"\n");

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("import/unresolved");
            assertThat(d.message()).as("names what the embedded pack offers").contains("\"brokerwatch:kafka-catalog\"");
        });
    }

    @Test
    void aUserDeclarationOfALibraryParamChangesItsDefaultWithoutADuplicateError() {
        CompileResult result = compile("import \"brokerwatch:kafka-catalog\"\nparam broker_labels = (cluster, namespace, pod)\n"
                + MY_ALERT.formatted("warning").replace("sum by ($broker_labels)", "sum by (namespace, pod)"));

        assertThat(result.diagnostics()).as(Sources.render(result.diagnostics())).isEmpty();
        assertThat(result.pack().params().value("broker_labels")).as("the user's declaration wins")
                .contains(new ParamValue.LabelsValue(List.of("cluster", "namespace", "pod")));
    }

    @Test
    void twoDeclarationsOfAParamInTheUsersOwnFilesAreStillADuplicate() {
        CompileResult result = compile("param x = 1\nparam x = 2\n");

        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("param/duplicate");
    }

    @Test
    void theUsersSeveritiesHoldForItsAlertsWhileTheLibraryAlertsKeepTheirOwn() {
        CompileResult result = compile("import \"brokerwatch:kafka\"\nseverities page, ticket\n" + MY_ALERT.formatted("page"));

        assertThat(result.diagnostics()).as("page is allowed in my-pack.bw, info in the library: %n%s",
                Sources.render(result.diagnostics())).isEmpty();
    }

    @Test
    void aFileWithoutSeveritiesTakesThoseOfTheFileThatImportsIt() {
        Sources sources = new Sources()
                .with("root.bw", "import \"alerts.bw\"\nexternal metric up gauge source prometheus\nseverities page, ticket\n")
                .with("alerts.bw", MY_ALERT.formatted("page").replace("sum by ($broker_labels) (kafka_server_replicamanager_underreplicatedpartitions) > 0", "up == 0")
                        .replace("{{ $labels.pod }} is under-replicated", "s"));

        CompileResult result = sources.compile();

        assertThat(result.diagnostics()).as(Sources.render(result.diagnostics())).isEmpty();
    }

    @Test
    void aSeverityOutsideTheFilesOwnSetIsStillAnError() {
        CompileResult result = compile("import \"brokerwatch:kafka\"\nseverities page, ticket\n" + MY_ALERT.formatted("critical"));

        assertThat(result.diagnostics()).as("critical is the library's, not my-pack.bw's").singleElement()
                .satisfies(d -> {
                    assertThat(d.code()).isEqualTo("rule/severity");
                    assertThat(d.span().file().displayPath()).isEqualTo("my-pack.bw");
                });
    }

    @Test
    void aRunbookUrlAnnotationIsTheRunbook() {
        CompileResult result = Sources.of("p.bw", """
                external metric up gauge source prometheus
                group g {
                  alert A {
                    expr up == 0
                    severity warning
                    summary "s"
                    description "d"
                    annotations { runbook_url = "https://runbooks.example/a", team = "streaming" }
                  }
                }
                """).compile();

        assertThat(result.diagnostics()).as("neither 'has its own clause' nor 'no runbook': %n%s",
                Sources.render(result.diagnostics())).isEmpty();
        AlertRule alert = (AlertRule) result.pack().rules().get(0).rule();
        assertThat(alert.runbook().value()).as("the annotation became the runbook").isEqualTo("https://runbooks.example/a");
        assertThat(alert.annotations()).extracting(kv -> kv.key().text()).as("and left the other annotations")
                .containsExactly("team");
    }
}
