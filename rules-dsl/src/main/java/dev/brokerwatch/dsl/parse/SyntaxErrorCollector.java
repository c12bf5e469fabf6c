package dev.brokerwatch.dsl.parse;

import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.grammar.BrokerWatchLexer;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Collects syntax errors as diagnostics instead of printing them, and words them for people: the
 * expected tokens are summarised as {@code <expression>}, {@code <name>}, {@code <string>} rather than
 * a list of fifty keywords.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    static final CheckCode CODE = CheckCode.SYNTAX_INVALID;

    private final SourceFile file;
    private final List<Diagnostic> diagnostics;
    private int lastOffset = -1;

    SyntaxErrorCollector(SourceFile file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Span span;
        String found;
        if (offendingSymbol instanceof Token token && token.getStartIndex() >= 0) {
            int start = Math.min(token.getStartIndex(), file.text().length());
            int end = token.getType() == Token.EOF ? start : token.getStopIndex() + 1;
            span = new Span(file, start, Math.max(start, end));
            found = token.getType() == Token.EOF ? "end of file" : "'" + token.getText() + "'";
        } else {
            int offset = offsetOf(line, charPositionInLine);
            span = new Span(file, offset, Math.min(file.text().length(), offset + 1));
            found = offset < file.text().length() ? "'" + file.text().charAt(offset) + "'" : "end of file";
        }
        if (span.start() == lastOffset) {
            return; // one message per position: recovery often reports the same token twice
        }
        lastOffset = span.start();
        String message;
        String hint = null;
        if (recognizer instanceof Parser parser) {
            IntervalSet expectedTokens = expectedTokens(parser, e);
            String expected = describe(expectedTokens, parser.getVocabulary());
            List<String> keywords = keywords(expectedTokens, parser.getVocabulary());
            String word = offendingSymbol instanceof Token token ? token.getText() : "";
            if (keywords.equals(METRIC_TYPES) && isWord(word)) {
                message = "unknown metric type '" + word + "': expected " + String.join(", ", METRIC_TYPES);
            } else {
                message = "unexpected " + found + (expected.isEmpty() ? "" : ", expected " + expected);
            }
            hint = isWord(word) ? DidYouMean.suggest(word, keywords).map(k -> "did you mean " + k + "?").orElse(null) : null;
            hint = hint != null ? hint : hintFor(found, expected);
        } else {
            message = "unexpected character " + found;
            hint = "PromQL and .bw text use ASCII operators; strings go in double quotes";
        }
        diagnostics.add(Diagnostic.of(CODE, Severity.ERROR, span, message, hint));
    }

    private static final List<String> METRIC_TYPES = List.of("counter", "gauge", "summary", "untyped");

    private static boolean isWord(String text) {
        return text != null && !text.isEmpty() && Character.isLetter(text.charAt(0));
    }

    /** The keywords among the expected tokens, without quotes, sorted. */
    private static List<String> keywords(IntervalSet expected, Vocabulary vocabulary) {
        if (expected == null || expected.isNil()) {
            return List.of();
        }
        return expected.toList().stream().filter(t -> t != Token.EOF && isKeyword(vocabulary, t))
                .map(t -> vocabulary.getLiteralName(t).replace("'", "")).sorted().toList();
    }

    private static IntervalSet expectedTokens(Parser parser, RecognitionException e) {
        try {
            return e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return new IntervalSet();
        }
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < file.text().length(); offset++) {
            if (file.text().charAt(offset) == '\n') {
                l++;
            }
        }
        return Math.min(file.text().length(), offset + column);
    }

    private static String hintFor(String found, String expected) {
        if (expected.contains("<string>") && !found.startsWith("'\"")) {
            return "put the text in double quotes";
        }
        if (expected.contains("<duration>")) {
            return "durations are written like 30s, 5m, 1h30m";
        }
        if (found.equals("'}'") || found.equals("')'") || found.equals("']'")) {
            return "check that brackets are balanced";
        }
        return null;
    }

    /** Names whole classes of tokens instead of listing every keyword. */
    static String describe(IntervalSet expected, Vocabulary vocabulary) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        Set<String> names = new LinkedHashSet<>();
        List<Integer> types = expected.toList();
        boolean identifier = types.contains(BrokerWatchLexer.IDENT);
        boolean expression = identifier && types.contains(BrokerWatchLexer.NUMBER) && types.contains(BrokerWatchLexer.LPAREN);
        if (expression) {
            names.add("<expression>");
        } else if (identifier) {
            names.add("<name>");
        }
        for (int type : types) {
            if (expression && isExpressionStart(type)) {
                continue;
            }
            if (identifier && isKeyword(vocabulary, type)) {
                continue;
            }
            names.add(name(vocabulary, type));
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() > 8) {
            list = list.subList(0, 8);
            list.add("...");
        }
        return list.size() == 1 ? list.get(0) : "one of " + String.join(", ", list);
    }

    private static boolean isExpressionStart(int type) {
        return type == BrokerWatchLexer.IDENT || type == BrokerWatchLexer.NUMBER || type == BrokerWatchLexer.STRING
                || type == BrokerWatchLexer.LPAREN || type == BrokerWatchLexer.LBRACE || type == BrokerWatchLexer.PLUS
                || type == BrokerWatchLexer.MINUS || type == BrokerWatchLexer.PARAM_REF;
    }

    private static boolean isKeyword(Vocabulary vocabulary, int type) {
        String literal = vocabulary.getLiteralName(type);
        return literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1));
    }

    private static String name(Vocabulary vocabulary, int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        switch (type) {
            case BrokerWatchLexer.STRING: return "<string>";
            case BrokerWatchLexer.NUMBER: return "<number>";
            case BrokerWatchLexer.DURATION: return "<duration>";
            case BrokerWatchLexer.PARAM_REF: return "<$parameter>";
            case BrokerWatchLexer.IDENT: return "<name>";
            default:
                String literal = vocabulary.getLiteralName(type);
                return literal != null ? literal : vocabulary.getDisplayName(type);
        }
    }
}
