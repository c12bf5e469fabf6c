package dev.brokerwatch.dsl.semantics.gotemplate;

import dev.brokerwatch.dsl.catalog.DidYouMean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a token list by the grammar and rules of Go's text/template/parse: what Go accepts, this accepts;
 * where Go stops with an error, this stops with the same error. On the way it records what the checks need:
 * {@code $labels.x} and {@code index $labels "x"} references, and whether {@code $value} is used.
 */
final class TemplateParser {
    private static final Set<TokenKind> TERM_STARTS = Set.of(TokenKind.BOOL, TokenKind.CHAR_CONSTANT, TokenKind.COMPLEX,
            TokenKind.DOT, TokenKind.FIELD, TokenKind.IDENTIFIER, TokenKind.NUMBER, TokenKind.NIL, TokenKind.RAW_STRING,
            TokenKind.STRING, TokenKind.VARIABLE, TokenKind.LEFT_PAREN);
    private static final int MAX_DEPTH = 1000;

    /** What a term is; the literal kinds may not start a later pipeline stage, nor take a field. */
    private enum Kind { BOOL, DOT, NIL, NUMBER, STRING, FIELD, VARIABLE, IDENTIFIER, PIPE, CHAIN }

    private record Term(Kind kind, Token token, int end) {
        boolean literal() {
            return kind == Kind.BOOL || kind == Kind.DOT || kind == Kind.NIL || kind == Kind.NUMBER || kind == Kind.STRING;
        }
    }

    /** What textOrAction found: empty text, something that makes a template non-empty, or an end/else at an action. */
    private enum Found { BLANK, CONTENT, END, ELSE }

    private record Node(Found found, Token action) {
    }

    private record Open(String keyword, Token action) {
    }

    private static final class Stop extends RuntimeException {
        final GoTemplate.Problem problem;

        Stop(GoTemplate.Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private final List<Token> tokens;
    private final Set<String> functions;
    private int index;
    private List<String> vars;
    private int rangeDepth;
    private boolean dotIsData;
    private int depth;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Boolean> definitions = new HashMap<>();
    private final Map<String, Token> calls = new LinkedHashMap<>();
    private final List<GoTemplate.LabelReference> labels = new ArrayList<>();
    private boolean usesValue;

    private TemplateParser(List<Token> tokens, Set<String> functions, List<String> variables) {
        this.tokens = tokens;
        this.functions = functions;
        this.vars = new ArrayList<>(variables);
        this.dotIsData = true;
    }

    static GoTemplate.Result parse(String text, Set<String> functions, List<String> variables) {
        TemplateParser parser = new TemplateParser(TemplateLexer.lex(text), functions, variables);
        List<GoTemplate.Problem> problems = new ArrayList<>();
        try {
            parser.parseAll();
            parser.checkCalls();
        } catch (Stop stop) {
            problems.add(stop.problem);
        } catch (StackOverflowError tooDeep) {
            problems.add(new GoTemplate.Problem(0, 0, "max expression depth exceeded", "nest fewer parentheses"));
        }
        return new GoTemplate.Result(List.copyOf(parser.labels), problems, parser.usesValue);
    }

    // ---- the template and its definitions -------------------------------------------------------

    private void parseAll() {
        while (peek().kind() != TokenKind.EOF) {
            if (peek().kind() == TokenKind.LEFT_DELIM) {
                int mark = index;
                Token delim = next();
                if (nextNonSpace().kind() == TokenKind.DEFINE) {
                    definition(delim);
                    continue;
                }
                index = mark;
            }
            Node n = textOrAction();
            if (n.found() == Found.END || n.found() == Found.ELSE) {
                String what = n.found() == Found.END ? "{{end}}" : "{{else}}";
                throw stop(n.action(), "unexpected " + what, n.found() == Found.END
                        ? "this {{end}} closes nothing: remove it, or open the block with if, range or with"
                        : "{{else}} belongs inside {{if}}, {{range}} or {{with}} ... {{end}}");
            }
        }
    }

    /** {@code {{define "name"}} ... {{end}}}: only at the top level; its body sees only {@code $}. */
    private void definition(Token delim) {
        Token name = nextNonSpace();
        if (name.kind() != TokenKind.STRING && name.kind() != TokenKind.RAW_STRING) {
            throw unexpected(name, "define clause");
        }
        String templateName = unquote(name);
        expect(TokenKind.RIGHT_DELIM, "define clause");
        boolean content = separateTree(new Open("define", delim), "define clause");
        define(templateName, content, name);
    }

    /** A body parsed as its own tree, as Go does for define and block: fresh variables, outside any range. */
    private boolean separateTree(Open opener, String context) {
        List<String> outerVars = vars;
        int outerRange = rangeDepth;
        boolean outerDot = dotIsData;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        dotIsData = false;
        open.push(opener);
        ItemList body = itemList();
        open.pop();
        vars = outerVars;
        rangeDepth = outerRange;
        dotIsData = outerDot;
        if (body.end().found() != Found.END) {
            throw stop(body.end().action(), "unexpected {{else}} in " + context, "a " + opener.keyword() + " body takes no {{else}}");
        }
        return body.content();
    }

    private void define(String name, boolean content, Token at) {
        Boolean existing = definitions.get(name);
        if (existing != null && existing && content) {
            throw stop(at, "template: multiple definition of template " + GoQuote.quote(name), "give each template its own name");
        }
        if (existing == null || !existing) {
            definitions.put(name, content);
        }
    }

    /** Go parses {@code {{template "x"}}} without x; expanding it fails ("template "x" not defined") unless x is defined. */
    private void checkCalls() {
        for (Map.Entry<String, Token> call : calls.entrySet()) {
            if (!definitions.containsKey(call.getKey())) {
                throw stop(call.getValue(), "template " + GoQuote.quote(call.getKey()) + " not defined",
                        "Prometheus would fail expanding it: define it in the same text with {{define "
                                + GoQuote.quote(call.getKey()) + "}}...{{end}}");
            }
        }
    }

    private record ItemList(boolean content, Node end) {
    }

    /** Text and actions up to an {@code {{end}}} or {@code {{else}}}; the end of the text here is an error. */
    private ItemList itemList() {
        boolean content = false;
        while (peekNonSpace().kind() != TokenKind.EOF) {
            Node n = textOrAction();
            if (n.found() == Found.END || n.found() == Found.ELSE) {
                return new ItemList(content, n);
            }
            content |= n.found() == Found.CONTENT;
        }
        Open innermost = open.peek();
        throw stop(innermost.action(), "unexpected EOF",
                "the {{" + innermost.keyword() + "}} opened here is never closed: add {{end}}");
    }

    private Node textOrAction() {
        Token token = nextNonSpace();
        return switch (token.kind()) {
            case TEXT -> new Node(token.text().isBlank() ? Found.BLANK : Found.CONTENT, token);
            case LEFT_DELIM -> action(token);
            default -> throw unexpected(token, "input");
        };
    }

    // ---- actions --------------------------------------------------------------------------------

    private Node action(Token delim) {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case BLOCK:
                block(delim);
                return new Node(Found.CONTENT, delim);
            case BREAK:
            case CONTINUE:
                loopControl(token);
                return new Node(Found.CONTENT, delim);
            case ELSE: {
                TokenKind following = peekNonSpace().kind();
                if (following != TokenKind.IF && following != TokenKind.WITH) {
                    expect(TokenKind.RIGHT_DELIM, "else");
                }
                return new Node(Found.ELSE, delim);
            }
            case END:
                expect(TokenKind.RIGHT_DELIM, "end");
                return new Node(Found.END, delim);
            case IF:
            case RANGE:
            case WITH:
                control(token.text(), delim);
                return new Node(Found.CONTENT, delim);
            case TEMPLATE:
                template();
                return new Node(Found.CONTENT, delim);
            default:
                index--;
                // variables declared here live until the enclosing end
                pipeline("command", TokenKind.RIGHT_DELIM);
                return new Node(Found.CONTENT, delim);
        }
    }

    private void loopControl(Token keyword) {
        String what = "{{" + keyword.text() + "}}";
        Token token = nextNonSpace();
        if (token.kind() != TokenKind.RIGHT_DELIM) {
            throw unexpected(token, what);
        }
        if (rangeDepth == 0) {
            throw stop(keyword, what + " outside {{range}}", keyword.text() + " works only inside {{range}} ... {{end}}");
        }
    }

    /** if, range and with: the pipeline's variables and those of the body end with the block. */
    private void control(String context, Token delim) {
        int mark = vars.size();
        boolean outerDot = dotIsData;
        pipeline(context, TokenKind.RIGHT_DELIM);
        if (context.equals("range")) {
            rangeDepth++;
        }
        dotIsData = outerDot && context.equals("if");
        open.push(new Open(context, delim));
        ItemList body = itemList();
        open.pop();
        dotIsData = outerDot;
        if (context.equals("range")) {
            rangeDepth--;
        }
        if (body.end().found() == Found.ELSE) {
            Token elseAction = body.end().action();
            TokenKind following = peekNonSpace().kind();
            if (context.equals("if") && following == TokenKind.IF || context.equals("with") && following == TokenKind.WITH) {
                // {{else if x}} is {{else}}{{if x}} whose {{end}} closes both
                next();
                control(context, elseAction);
            } else {
                open.push(new Open(context, delim));
                ItemList elseBody = itemList();
                open.pop();
                if (elseBody.end().found() != Found.END) {
                    throw stop(elseBody.end().action(), "expected end; found {{else}}", "a block has at most one plain {{else}}, and it comes last");
                }
            }
        }
        vars.subList(mark, vars.size()).clear();
    }

    private void template() {
        Token name = nextNonSpace();
        String templateName = templateName(name, "template clause");
        calls.putIfAbsent(templateName, name);
        if (nextNonSpace().kind() != TokenKind.RIGHT_DELIM) {
            index--;
            pipeline("template clause", TokenKind.RIGHT_DELIM);
        }
    }

    private void block(Token delim) {
        Token name = nextNonSpace();
        String templateName = templateName(name, "block clause");
        pipeline("block clause", TokenKind.RIGHT_DELIM);
        boolean content = separateTree(new Open("block", delim), "block clause");
        define(templateName, content, name);
    }

    private String templateName(Token token, String context) {
        if (token.kind() != TokenKind.STRING && token.kind() != TokenKind.RAW_STRING) {
            throw unexpected(token, context);
        }
        return unquote(token);
    }

    // ---- pipelines, commands, operands ----------------------------------------------------------

    /** {@code declarations? command ('|' command)*} up to {@code end}. */
    private void pipeline(String context, TokenKind end) {
        int declarations = 0;
        while (peekNonSpace().kind() == TokenKind.VARIABLE) {
            int variableAt = index;
            Token variable = next();
            Token after = peekNonSpace();
            if (after.kind() == TokenKind.ASSIGN || after.kind() == TokenKind.DECLARE) {
                next();
                if (after.kind() == TokenKind.ASSIGN && !vars.contains(variable.text())) {
                    throw stop(variable, "undefined variable: " + variable.text(),
                            "Go parses this, but Prometheus fails expanding it: declare it first with " + variable.text() + " := ...");
                }
                vars.add(variable.text());
                break;
            }
            if (after.kind() == TokenKind.CHAR && after.text().equals(",")) {
                next();
                vars.add(variable.text());
                declarations++;
                if (context.equals("range") && declarations < 2) {
                    TokenKind k = peekNonSpace().kind();
                    if (k == TokenKind.VARIABLE || k == TokenKind.RIGHT_DELIM || k == TokenKind.RIGHT_PAREN) {
                        continue;
                    }
                    throw stop(peekNonSpace(), "range can only initialize variables", "write {{range $i, $e := ...}}");
                }
                throw stop(variable, "too many declarations in " + context, "declare one variable, or two in a range: $i, $e := ...");
            }
            index = variableAt;
            break;
        }
        List<Term> commands = new ArrayList<>();
        while (true) {
            Token token = nextNonSpace();
            if (token.kind() == end) {
                if (commands.isEmpty()) {
                    throw stop(token, "missing value for " + context, missingValueHint(context));
                }
                for (int i = 1; i < commands.size(); i++) {
                    if (commands.get(i).literal()) {
                        throw stop(commands.get(i).token(), "non executable command in pipeline stage " + (i + 1),
                                "after | comes a function, field or variable that takes the value, e.g. | humanize");
                    }
                }
                return;
            }
            if (!TERM_STARTS.contains(token.kind())) {
                throw unexpected(token, context);
            }
            index--;
            commands.add(command());
        }
    }

    private static String missingValueHint(String context) {
        return switch (context) {
            case "command" -> "put a value in the action, e.g. {{ $value }}, or remove the empty {{ }}";
            case "parenthesized pipeline" -> "put a value between ( and )";
            case "block clause" -> "a block needs a value after its name, e.g. {{block \"name\" .}}";
            default -> "{{" + context.replace(" clause", "") + "}} needs a value, e.g. {{" + context.replace(" clause", "") + " $value}}";
        };
    }

    /** Space-separated operands up to {@code |}, {@code )} or {@code }}}; returns its first operand. */
    private Term command() {
        List<Term> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Term operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = next();
            if (token.kind() == TokenKind.SPACE) {
                continue;
            }
            if (token.kind() == TokenKind.RIGHT_DELIM || token.kind() == TokenKind.RIGHT_PAREN) {
                index--;
            } else if (token.kind() != TokenKind.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw stop(peek(), "empty command", "put a value here");
        }
        noteIndexOfLabels(args);
        return args.get(0);
    }

    private void noteIndexOfLabels(List<Term> args) {
        if (args.size() >= 3 && args.get(0).kind() == Kind.IDENTIFIER && args.get(0).token().text().equals("index")
                && args.get(1).kind() == Kind.VARIABLE && args.get(1).token().text().equals("$labels")
                && args.get(1).end() == args.get(1).token().end() && args.get(2).kind() == Kind.STRING) {
            Token first = args.get(0).token();
            Token label = args.get(2).token();
            labels.add(new GoTemplate.LabelReference(GoLiterals.stringValue(label.text()), first.start(), label.end() - first.start()));
        }
    }

    /** A term and the fields that follow it without a space. */
    private Term operand() {
        Term term = term();
        if (term == null) {
            return null;
        }
        if (peek().kind() != TokenKind.FIELD) {
            return term;
        }
        List<Token> fields = new ArrayList<>();
        while (peek().kind() == TokenKind.FIELD) {
            fields.add(next());
        }
        int end = fields.get(fields.size() - 1).end();
        if (term.literal()) {
            throw stop(fields.get(0), "unexpected . after term " + GoQuote.quote(term.token().text()),
                    "a literal has no fields; to read a label write $labels.name");
        }
        if (term.kind() == Kind.VARIABLE && term.token().text().equals("$labels")) {
            labels.add(new GoTemplate.LabelReference(fields.get(0).text().substring(1), term.token().start(),
                    fields.get(0).end() - term.token().start()));
        }
        if (term.kind() == Kind.FIELD && dotIsData && term.token().text().equals(".Labels")) {
            labels.add(new GoTemplate.LabelReference(fields.get(0).text().substring(1), term.token().start(),
                    fields.get(0).end() - term.token().start()));
        }
        Kind kind = term.kind() == Kind.FIELD || term.kind() == Kind.VARIABLE ? term.kind() : Kind.CHAIN;
        return new Term(kind, term.token(), end);
    }

    private Term term() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case IDENTIFIER:
                if (!functions.contains(token.text())) {
                    throw stop(token, "function " + GoQuote.quote(token.text()) + " not defined",
                            DidYouMean.suggest(token.text(), functions).map(s -> "did you mean " + s + "?")
                                    .orElse("alert templates know Go's functions and Prometheus's: humanize, humanizePercentage, printf, toUpper..."));
                }
                return new Term(Kind.IDENTIFIER, token, token.end());
            case DOT:
                return new Term(Kind.DOT, token, token.end());
            case NIL:
                return new Term(Kind.NIL, token, token.end());
            case VARIABLE:
                if (!vars.contains(token.text())) {
                    throw stop(token, "undefined variable " + GoQuote.quote(token.text()), variableHint());
                }
                usesValue |= token.text().equals("$value");
                return new Term(Kind.VARIABLE, token, token.end());
            case FIELD:
                usesValue |= dotIsData && token.text().equals(".Value");
                return new Term(Kind.FIELD, token, token.end());
            case BOOL:
                return new Term(Kind.BOOL, token, token.end());
            case CHAR_CONSTANT:
                complain(token, GoLiterals.charProblem(token.text()), "a character constant holds one character, e.g. 'a' or '\\n'");
                return new Term(Kind.NUMBER, token, token.end());
            case COMPLEX:
                complain(token, GoLiterals.complexProblem(token.text()), "write a complex number as 1+2i");
                return new Term(Kind.NUMBER, token, token.end());
            case NUMBER:
                complain(token, GoLiterals.numberProblem(token.text()),
                        "write a Go number such as 3, -1.5, 0x1F, 0o17, 1_000 or 1e3 (a leading 0 means octal)");
                return new Term(Kind.NUMBER, token, token.end());
            case LEFT_PAREN: {
                if (++depth > MAX_DEPTH) {
                    throw stop(token, "max expression depth exceeded", "nest fewer parentheses");
                }
                pipeline("parenthesized pipeline", TokenKind.RIGHT_PAREN);
                depth--;
                return new Term(Kind.PIPE, token, tokens.get(index - 1).end());
            }
            case STRING:
            case RAW_STRING:
                unquote(token);
                return new Term(Kind.STRING, token, token.end());
            default:
                index--;
                return null;
        }
    }

    private String variableHint() {
        List<String> known = vars.stream().filter(v -> !v.equals("$")).toList();
        return known.isEmpty()
                ? "inside {{define}} and {{block}} only $ exists: pass values in, e.g. {{template \"x\" $labels}}"
                : "declare it with := before use; known here: " + String.join(", ", known);
    }

    private String unquote(Token token) {
        int bad = GoLiterals.badEscapeAt(token.text());
        if (bad >= 0) {
            String escape = token.text().substring(bad, Math.min(token.text().length() - 1, bad + 2));
            throw new Stop(new GoTemplate.Problem(token.start() + bad, Math.max(1, escape.length()), "invalid syntax",
                    "Go cannot read " + escape + " in " + token.text() + ": write \\\\ for a backslash, or use a `raw string`"));
        }
        return GoLiterals.stringValue(token.text());
    }

    private static void complain(Token token, String problem, String hint) {
        if (problem != null) {
            throw stop(token, problem, hint);
        }
    }

    // ---- tokens ---------------------------------------------------------------------------------

    private Token next() {
        return tokens.get(index++);
    }

    private Token peek() {
        return tokens.get(index);
    }

    /** The next token that is not a space; the spaces before it are consumed, as Go's parser does. */
    private Token peekNonSpace() {
        while (tokens.get(index).kind() == TokenKind.SPACE) {
            index++;
        }
        return tokens.get(index);
    }

    private Token nextNonSpace() {
        Token token = peekNonSpace();
        index++;
        return token;
    }

    private void expect(TokenKind kind, String context) {
        Token token = nextNonSpace();
        if (token.kind() != kind) {
            throw unexpected(token, context);
        }
    }

    private static Stop unexpected(Token token, String context) {
        if (token.kind() == TokenKind.ERROR) {
            return stop(token, token.text(), token.hint());
        }
        return stop(token, "unexpected " + token.describe() + " in " + context, unexpectedHint(token, context));
    }

    private static String unexpectedHint(Token token, String context) {
        return switch (context) {
            case "end", "else", "{{break}}", "{{continue}}" -> "nothing may follow " + (context.startsWith("{{") ? context : "{{" + context + "}}") + " in its action";
            case "define clause", "template clause", "block clause" -> "name the template with a quoted string, e.g. {{" + context.replace(" clause", "") + " \"name\" ...}}";
            case "input" -> "{{else if}} and {{else with}} belong to if and with only";
            case "operand" -> "separate arguments with spaces; a field follows its value without a space";
            default -> "a " + context + " takes values: fields, variables, functions, literals, ( ) and |";
        };
    }

    private static Stop stop(Token at, String message, String hint) {
        return new Stop(new GoTemplate.Problem(at.start(), Math.max(1, at.end() - at.start()), message, hint));
    }
}
