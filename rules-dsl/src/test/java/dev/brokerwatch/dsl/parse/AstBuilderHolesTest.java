package dev.brokerwatch.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.dsl.ast.MetricDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.grammar.BrokerWatchLexer;
import dev.brokerwatch.dsl.grammar.BrokerWatchParser;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.Test;

/**
 * Holes that syntax-error recovery leaves in the parse tree drop only the broken statement, and only when a
 * syntax error explains it; the same hole without a reported error is a bug and must not pass silently.
 */
class AstBuilderHolesTest {
    static final String BROKEN = """
            metric kafka_a gauge jmx "kafka.server:type=A,name=A"
            external metric kafka_lag
            metric kafka_b gauge jmx "kafka.server:type=B,name=B"
            """;

    static BrokerWatchParser.StandaloneFileContext tree(String text) {
        BrokerWatchParser parser = new BrokerWatchParser(new CommonTokenStream(new BrokerWatchLexer(CharStreams.fromString(text))));
        parser.removeErrorListeners();
        return parser.standaloneFile();
    }

    @Test
    void brokenStatementIsDroppedAndItsNeighboursKeptWhenTheParseReportedErrors() {
        SourceFile file = SourceFile.ofString("f.bw", BROKEN);
        List<Statement> statements = new AstBuilder(file, new ArrayList<>(), true).statements(tree(BROKEN));
        assertThat(statements).as("the metrics around the broken external metric")
                .extracting(s -> ((MetricDecl) s).name().text()).containsExactly("kafka_a", "kafka_b");
    }

    @Test
    void holeWithoutAReportedSyntaxErrorIsAnInternalErrorNotADroppedStatement() {
        SourceFile file = SourceFile.ofString("f.bw", BROKEN);
        assertThatThrownBy(() -> new AstBuilder(file, new ArrayList<>(), false).statements(tree(BROKEN)))
                .as("a hole the parser did not report means the grammar and the builder disagree")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("f.bw");
    }

    @Test
    void alertWithoutExprIsReportedWhenItIsDropped() {
        List<Diagnostic> problems = BwParser.parseFile(SourceFile.ofString("f.bw",
                "group g { alert A { severity warning } }")).diagnostics();
        assertThat(problems).as("a dropped alert is always explained").singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("alert A has no expr"));
    }
}
