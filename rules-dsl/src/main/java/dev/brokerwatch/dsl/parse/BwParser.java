package dev.brokerwatch.dsl.parse;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.grammar.BrokerWatchLexer;
import dev.brokerwatch.dsl.grammar.BrokerWatchParser;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text in, AST and diagnostics out. Tries ANTLR's fast SLL prediction first and falls back to full LL
 * only when SLL fails, so well-formed files parse quickly and broken ones still get precise messages.
 */
public final class BwParser {

    private BwParser() {
    }

    /** Parses a whole .bw file; never throws for bad input. */
    public static ParseResult parseFile(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            BrokerWatchParser.StandaloneFileContext tree = parse(source, diagnostics, BrokerWatchParser::standaloneFile);
            AstBuilder builder = new AstBuilder(source, diagnostics, !diagnostics.isEmpty());
            BwFile file = new BwFile(source, builder.statements(tree));
            return new ParseResult(file, diagnostics);
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(source));
            return new ParseResult(new BwFile(source, List.of()), diagnostics);
        }
    }

    /** Parses one PromQL expression (dashboard queries, tests); the result is null when it has errors. */
    public static ExprResult parseExpr(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            BrokerWatchParser.StandaloneExprContext tree = parse(source, diagnostics, BrokerWatchParser::standaloneExpr);
            Expr expr = new AstBuilder(source, diagnostics, !diagnostics.isEmpty()).standaloneExpr(tree);
            return new ExprResult(expr, diagnostics);
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(source));
            return new ExprResult(null, diagnostics);
        }
    }

    /** An expression and its problems. */
    public record ExprResult(Expr expr, List<Diagnostic> diagnostics) {
        public ExprResult {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private static Diagnostic tooDeep(SourceFile source) {
        return Diagnostic.of(SyntaxErrorCollector.CODE, Severity.ERROR, new Span(source, 0, Math.min(1, source.text().length())),
                "the text is nested too deeply to parse", "split the expression into recording rules");
    }

    private static <T> T parse(SourceFile source, List<Diagnostic> diagnostics,
                               java.util.function.Function<BrokerWatchParser, T> entry) {
        BrokerWatchLexer lexer = new BrokerWatchLexer(SourceCharStream.of(source));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        BrokerWatchParser parser = new BrokerWatchParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException slow) {
            lexer.reset();
            tokens = new CommonTokenStream(lexer);
            parser = new BrokerWatchParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new SyntaxErrorCollector(source, diagnostics));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            return entry.apply(parser);
        }
    }
}
