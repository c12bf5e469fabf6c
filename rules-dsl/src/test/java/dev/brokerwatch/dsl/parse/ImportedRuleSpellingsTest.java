package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.Sources;
import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rule files say and brokerwatch import writes: a group limit, a literal ${...}, text beyond the BMP. */
class ImportedRuleSpellingsTest {
    private static CompileResult compile(String text) {
        return Frontend.run(List.of("p.bw"), Sources.of("p.bw", text).loader(), Map.of());
    }

    private static AlertRule alert(CompileResult result) {
        return (AlertRule) result.pack().groups().get(0).rules().get(0);
    }

    @Test
    void aCharacterOutsideTheBmpDoesNotShiftTheExpressionsThatFollow() {
        CompileResult result = compile("""
                group g {
                  alert A {
                    expr vector(0) == 0
                    severity warning
                    summary "fire 🔥 and 𝄞"
                  }
                  alert B {
                    expr vector(1)
                    severity warning
                  }
                }
                """);
        assertThat(result.diagnostics().stream().filter(Diagnostic::isError)).as("no errors").isEmpty();
        AlertRule b = (AlertRule) result.pack().groups().get(0).rules().get(1);
        assertThat(ExprText.render(b.expr(), result.pack().params())).as("the whole expression after two surrogate pairs").isEqualTo("vector(1)");
        assertThat(b.name().span().text()).isEqualTo("B");
    }

    @Test
    void aGroupLimitIsAWholeNumber() {
        GroupDecl group = compile("group g interval 1m limit 10 { }").pack().groups().get(0);
        assertThat(group.limit().text()).isEqualTo("10");
        assertThat(compile("group g limit 1.5 { }").diagnostics()).as("a fraction is reported")
                .anyMatch(d -> d.isError() && d.message().contains("not a whole number"));
    }

    @Test
    void limitStaysUsableAsALabelName() {
        CompileResult result = compile("""
                external metric quota gauge labels limit
                group g { record r:x { expr sum by (limit) (quota{limit="a"}) } }
                """);
        assertThat(result.diagnostics().stream().filter(Diagnostic::isError)).as("no errors").isEmpty();
    }

    @Test
    void doubledDollarWritesALiteralInterpolation() {
        CompileResult result = compile("""
                param base = "https://wiki"
                group g {
                  alert A {
                    expr vector(1)
                    severity warning
                    summary "${base}/a and $${base} and $$${base}"
                  }
                }
                """);
        assertThat(result.diagnostics().stream().filter(Diagnostic::isError)).as("no errors").isEmpty();
        assertThat(alert(result).summary().value()).isEqualTo("https://wiki/a and ${base} and $${base}");
    }
}
