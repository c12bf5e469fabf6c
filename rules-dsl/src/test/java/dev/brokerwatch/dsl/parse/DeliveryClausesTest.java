package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.Inhibition;
import dev.brokerwatch.dsl.ast.InhibitionExpectation;
import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.ReceiverExpectation;
import dev.brokerwatch.dsl.ast.RoutingDecl;
import dev.brokerwatch.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The alert-delivery clauses as the parser builds them: inhibits, delivery tests, routing, a group's group_by. */
class DeliveryClausesTest {

    private static ParseResult parse(String text) {
        ParseResult result = BwParser.parseFile(SourceFile.ofString("f.bw", text));
        assertThat(result.diagnostics()).as("problems parsing%n%s", text).isEmpty();
        return result;
    }

    private static AlertRule onlyAlert(ParseResult result) {
        GroupDecl group = (GroupDecl) result.file().statements().stream().filter(s -> s instanceof GroupDecl).findFirst().orElseThrow();
        return (AlertRule) group.rules().get(0);
    }

    @Test
    void anInhibitsClauseAfterTheExpressionKeepsItsTargetsAndLabelsWithPositions() {
        AlertRule alert = onlyAlert(parse("""
                group g {
                  alert Down {
                    expr up == 0
                    inhibits Urp, Fenced on ($cluster_labels, pod)
                    severity critical
                  }
                }
                """));
        assertThat(alert.severity().text()).as("clauses after inhibits still parse").isEqualTo("critical");
        Inhibition inhibition = alert.inhibits().get(0);
        assertThat(inhibition.targets()).extracting(Ident::text).containsExactly("Urp", "Fenced");
        assertThat(inhibition.on().get(0)).as("a label-list param stays a reference until resolution").isInstanceOf(ParamRef.class);
        assertThat(((LabelName) inhibition.on().get(1)).text()).isEqualTo("pod");
        assertThat(inhibition.span().line()).as("the clause's line").isEqualTo(4);
        assertThat(inhibition.targets().get(1).span().column()).as("the second target's column").isEqualTo(19);
    }

    @Test
    void aDeliveryTestKeepsItsLabelsAndEachKindOfExpectation() {
        AlertRule alert = onlyAlert(parse("""
                group g {
                  alert Down {
                    expr up == 0
                    delivery "pages" {
                      labels { namespace="k" }
                      expect receiver page
                      expect inhibits Urp { namespace="k" }
                      expect spares Urp { namespace="other" }
                    }
                  }
                }
                """));
        var test = alert.deliveryTests().get(0);
        assertThat(test.name().value()).isEqualTo("pages");
        assertThat(test.labels()).hasSize(1);
        assertThat(test.expectations()).hasSize(3);
        assertThat(((ReceiverExpectation) test.expectations().get(0)).receiver().text()).isEqualTo("page");
        assertThat(((InhibitionExpectation) test.expectations().get(1)).inhibits()).isTrue();
        assertThat(((InhibitionExpectation) test.expectations().get(2)).inhibits()).as("spares is the negative form").isFalse();
    }

    @Test
    void aRoutingBlockAndAGroupsGroupByAreRead() {
        ParseResult result = parse("""
                routing {
                  group_by (alertname, namespace)
                  page critical, warning
                }
                group g interval 1m group_by (namespace) {
                  alert Down { expr up == 0 }
                }
                """);
        RoutingDecl routing = (RoutingDecl) result.file().statements().get(0);
        assertThat(routing.groupBy()).hasSize(2);
        assertThat(routing.page()).extracting(Ident::text).containsExactly("critical", "warning");
        GroupDecl group = (GroupDecl) result.file().statements().get(1);
        assertThat(group.groupBy()).singleElement().satisfies(l -> assertThat(((LabelName) l).text()).isEqualTo("namespace"));
    }

    @Test
    void theNewKeywordsStayUsableAsNames() {
        AlertRule alert = onlyAlert(parse("""
                group page {
                  alert routing {
                    expr receiver{delivery="x"} == 0
                  }
                }
                """));
        assertThat(alert.name().text()).isEqualTo("routing");
        assertThat(alert.inhibits()).as("a group without inhibits").isEmpty();
    }
}
