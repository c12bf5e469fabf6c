package dev.brokerwatch.dsl.disable;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.Node;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.grammar.BrokerWatchLexer;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Reads the {@code # brokerwatch:} comments of a file. The lexer keeps comments on its hidden channel, so
 * the file is lexed once more here and every position is exact. A comment that cannot be applied becomes a
 * {@code disable/invalid} error instead of silently disabling nothing.
 */
public final class DisableComments {
    static final CheckCode INVALID = CheckCode.DISABLE_INVALID;
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*brokerwatch\\s*:\\s*");
    private static final Pattern KEYWORD = Pattern.compile("([a-zA-Z-]*)\\s*(=?)\\s*");
    /** Codes separated by commas; whatever follows them (after a space) is a reason, for readers. */
    private static final Pattern CODE_LIST = Pattern.compile("[^\\s,]*(?:\\s*,\\s*[^\\s,]*)*");
    private static final List<String> KEYWORDS = List.of("disable", "disable-file");

    private DisableComments() {
    }

    /** The applicable comments of {@code file}; problems with the others are added to {@code problems}. */
    public static List<DisableComment> read(BwFile file, List<Diagnostic> problems) {
        SourceFile source = file.source();
        if (!source.text().contains("brokerwatch")) {
            return List.of(); // no directive can be there: spare lexing the file again
        }
        BrokerWatchLexer lexer = new BrokerWatchLexer(dev.brokerwatch.dsl.parse.SourceCharStream.of(source));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        List<DisableComment> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.getType() != BrokerWatchLexer.COMMENT) {
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(token.getText());
            if (!directive.lookingAt()) {
                continue;
            }
            int start = token.getStartIndex();
            Span comment = new Span(source, start, token.getStopIndex() + 1);
            Token before = previousVisible(tokens, i);
            if (before != null && before.getLine() == token.getLine()) {
                problems.add(Diagnostic.of(INVALID, Severity.ERROR, comment, "a brokerwatch comment must stand on a line of its own",
                        "move it to the line before the statement it is about"));
                continue;
            }
            DisableComment parsed = parse(comment, start + directive.end(), problems);
            if (parsed == null) {
                continue;
            }
            if (!parsed.wholeFile()) {
                Token next = nextVisible(tokens, i);
                parsed = new DisableComment(comment, false, parsed.codes(), next == null ? null : target(file, next));
            }
            out.add(parsed);
        }
        return out;
    }

    /** Why a code can never be disabled, for messages; null when it can. */
    public static String whyNotDisableable(CheckCode code) {
        return switch (code) {
            case SYNTAX_INVALID -> "a file that does not parse leaves the pack unusable";
            case IMPORT_UNRESOLVED -> "an import that cannot be read leaves the pack unusable";
            case DISABLE_INVALID -> "a brokerwatch comment that cannot be applied must be fixed";
            default -> code.disableable() ? null : "it cannot be disabled";
        };
    }

    private static DisableComment parse(Span comment, int from, List<Diagnostic> problems) {
        SourceFile source = comment.file();
        String text = source.text();
        Matcher keyword = KEYWORD.matcher(text).region(from, comment.end());
        keyword.lookingAt();
        String word = keyword.group(1);
        if (!KEYWORDS.contains(word) || keyword.group(2).isEmpty()) {
            Span at = new Span(source, from, Math.max(from, keyword.end(1)));
            String suggestion = DidYouMean.suggest(word, KEYWORDS).orElse("disable");
            problems.add(Diagnostic.of(INVALID, Severity.ERROR, word.isEmpty() ? comment : at,
                    word.isEmpty() || !KEYWORDS.contains(word) ? "unknown brokerwatch directive '" + word + "'" : word + " needs =code",
                    "write # brokerwatch: " + suggestion + "=code[,code], e.g. # brokerwatch: " + suggestion + "=promql/counter-threshold"));
            return null;
        }
        boolean wholeFile = word.equals("disable-file");
        List<DisableComment.DisabledCode> codes = new ArrayList<>();
        Matcher list = CODE_LIST.matcher(text).region(keyword.end(), comment.end());
        list.lookingAt();
        int listEnd = list.end();
        int offset = keyword.end();
        boolean valid = true;
        while (offset <= listEnd) {
            int comma = text.indexOf(',', offset);
            int end = comma < 0 || comma > listEnd ? listEnd : comma;
            int s = offset;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            Span at = new Span(source, s, e);
            DisableComment.DisabledCode code = code(at, problems);
            if (code == null) {
                valid = false;
            } else {
                codes.add(code);
            }
            offset = end + 1;
        }
        return valid ? new DisableComment(comment, wholeFile, codes, null) : null;
    }

    private static DisableComment.DisabledCode code(Span at, List<Diagnostic> problems) {
        String name = at.text();
        if (name.isEmpty()) {
            problems.add(Diagnostic.of(INVALID, Severity.ERROR, at, "a code is missing here",
                    "name codes separated by commas, e.g. disable=promql/counter-threshold,promql/range-window"));
            return null;
        }
        CheckCode code = CheckCode.byCode(name).orElse(null);
        if (code == null) {
            problems.add(Diagnostic.of(INVALID, Severity.ERROR, at, "unknown check code " + name,
                    DidYouMean.suggest(name, CheckCode.codes()).map(s -> "did you mean " + s + "?")
                            .orElse("brokerwatch checks lists every code")));
            return null;
        }
        String whyNot = whyNotDisableable(code);
        if (whyNot != null) {
            problems.add(Diagnostic.of(INVALID, Severity.ERROR, at, name + " cannot be disabled: " + whyNot, "fix the problem instead"));
            return null;
        }
        if (code == CheckCode.DISABLE_UNUSED) {
            problems.add(Diagnostic.of(INVALID, Severity.ERROR, at, name + " cannot be disabled by a comment",
                    "remove the comment that disables nothing, or run with --disable disable/unused"));
            return null;
        }
        return new DisableComment.DisabledCode(code, at);
    }

    private static Token previousVisible(List<? extends Token> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(i);
            }
        }
        return null;
    }

    private static Token nextVisible(List<? extends Token> tokens, int index) {
        for (int i = index + 1; i < tokens.size(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL && tokens.get(i).getType() != Token.EOF) {
                return tokens.get(i);
            }
        }
        return null;
    }

    /** The outermost node that starts on the token's line, at or after the token; null when none does. */
    private static Span target(BwFile file, Token next) {
        int from = next.getStartIndex();
        int line = file.source().lineOf(from);
        for (Node statement : file.statements()) {
            Node found = outermost(statement, from, line, file.source());
            if (found != null) {
                return found.span();
            }
        }
        return null;
    }

    private static Node outermost(Object value, int from, int line, SourceFile source) {
        if (value instanceof Node node) {
            Span span = node.span();
            if (span.file() != source || span.end() < from) {
                return null;
            }
            if (span.start() >= from && source.lineOf(span.start()) == line) {
                return node;
            }
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Node found = outermost(item, from, line, source);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                Node found = outermost(child, from, line, source);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
