package dev.brokerwatch.dsl.parse;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.AlertTest;
import dev.brokerwatch.dsl.ast.CgroupSource;
import dev.brokerwatch.dsl.ast.DashboardDecl;
import dev.brokerwatch.dsl.ast.DashboardElement;
import dev.brokerwatch.dsl.ast.DeliveryExpectation;
import dev.brokerwatch.dsl.ast.DeliveryTest;
import dev.brokerwatch.dsl.ast.Inhibition;
import dev.brokerwatch.dsl.ast.InhibitionExpectation;
import dev.brokerwatch.dsl.ast.ReceiverExpectation;
import dev.brokerwatch.dsl.ast.RoutingDecl;
import dev.brokerwatch.dsl.ast.LinkDecl;
import dev.brokerwatch.dsl.ast.PanelBody;
import dev.brokerwatch.dsl.ast.PanelDecl;
import dev.brokerwatch.dsl.ast.PanelItem;
import dev.brokerwatch.dsl.ast.PanelKind;
import dev.brokerwatch.dsl.ast.PanelQuery;
import dev.brokerwatch.dsl.ast.PanelTemplateDecl;
import dev.brokerwatch.dsl.ast.PanelUse;
import dev.brokerwatch.dsl.ast.Placement;
import dev.brokerwatch.dsl.ast.RowDecl;
import dev.brokerwatch.dsl.ast.ThresholdStep;
import dev.brokerwatch.dsl.ast.VariableDecl;
import dev.brokerwatch.dsl.ast.VariableSource;
import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.Expectation;
import dev.brokerwatch.dsl.ast.ExternalMetricDecl;
import dev.brokerwatch.dsl.ast.FamilyDecl;
import dev.brokerwatch.dsl.ast.FamilyMember;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.ImportDecl;
import dev.brokerwatch.dsl.ast.JmxSource;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.LabelListLit;
import dev.brokerwatch.dsl.ast.LabelName;
import dev.brokerwatch.dsl.ast.LabelRef;
import dev.brokerwatch.dsl.ast.LabelSpec;
import dev.brokerwatch.dsl.ast.MatcherValue;
import dev.brokerwatch.dsl.ast.MetricBody;
import dev.brokerwatch.dsl.ast.MetricDecl;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.NumberLit;
import dev.brokerwatch.dsl.ast.ParamDecl;
import dev.brokerwatch.dsl.ast.ParamSince;
import dev.brokerwatch.dsl.ast.ParamLiteral;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.ast.RecordingRule;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.ast.SeveritiesDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.ast.TestSeries;
import dev.brokerwatch.dsl.ast.promql.Aggregation;
import dev.brokerwatch.dsl.ast.promql.BinaryOp;
import dev.brokerwatch.dsl.ast.promql.Call;
import dev.brokerwatch.dsl.ast.promql.Expr;
import dev.brokerwatch.dsl.ast.promql.Grouping;
import dev.brokerwatch.dsl.ast.promql.LabelMatcher;
import dev.brokerwatch.dsl.ast.promql.MatrixSelector;
import dev.brokerwatch.dsl.ast.promql.Modifiers;
import dev.brokerwatch.dsl.ast.promql.ParenExpr;
import dev.brokerwatch.dsl.ast.promql.Subquery;
import dev.brokerwatch.dsl.ast.promql.UnaryOp;
import dev.brokerwatch.dsl.ast.promql.VectorMatching;
import dev.brokerwatch.dsl.ast.promql.VectorSelector;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.grammar.BrokerWatchParser;
import dev.brokerwatch.dsl.grammar.BrokerWatchParser.*;
import dev.brokerwatch.dsl.semantics.PromQlFunctions;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from ANTLR's parse tree. Every node gets the span of the text it came from.
 * Problems that the grammar cannot see (a clause written twice, a bad escape or duration) become
 * diagnostics here.
 *
 * <p>Syntax-error recovery leaves holes in the tree: a missing child (null), a token conjured by recovery
 * (no position), tokens skipped into an error node. Every place that can meet one checks for it and throws
 * {@link IncompleteTree}; the nearest enclosing part (a statement, a rule, a panel) is then dropped, since
 * its syntax error has been reported. A hole in a tree that parsed without errors is a bug in the grammar
 * or in this class, and is thrown as an internal error instead of being dropped.
 */
final class AstBuilder {
    static final CheckCode SYNTAX = CheckCode.SYNTAX_INVALID;

    private final SourceFile file;
    private final List<Diagnostic> diagnostics;
    private final boolean syntaxErrors;

    /** {@code syntaxErrors}: whether the parse reported any, i.e. whether the tree may have holes. */
    AstBuilder(SourceFile file, List<Diagnostic> diagnostics, boolean syntaxErrors) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.syntaxErrors = syntaxErrors;
    }

    List<Statement> statements(StandaloneFileContext ctx) {
        List<Statement> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            Statement built = guarded(() -> statement(s));
            if (built != null) {
                out.add(built);
            }
        }
        return out;
    }

    Expr standaloneExpr(StandaloneExprContext ctx) {
        return guarded(() -> expr(ctx.promExpr()));
    }

    // A part that cannot be built has had its problem reported (see incomplete() and dropped()): skip it.
    private <T> T guarded(Supplier<T> build) {
        try {
            return build.get();
        } catch (IncompleteTree e) {
            return null;
        }
    }

    /** Thrown only after a diagnostic explains why the part being built is missing. */
    private static final class IncompleteTree extends RuntimeException {
        IncompleteTree() {
            super(null, null, false, false);
        }
    }

    /** A hole left by syntax-error recovery; without a reported syntax error it is a bug, not bad input. */
    private RuntimeException incomplete() {
        if (syntaxErrors) {
            return new IncompleteTree();
        }
        return new IllegalStateException("the parse tree of " + file.displayPath()
                + " has a hole although the parse reported no syntax error");
    }

    /** Reports why a part cannot be built, then drops it. */
    private IncompleteTree dropped(Span at, String message, String hint) {
        error(at, message, hint);
        return new IncompleteTree();
    }

    /** A child the grammar requires; recovery may have left it out. */
    private <C extends ParserRuleContext> C required(C ctx) {
        if (ctx == null || ctx.exception != null && ctx.getChildCount() == 0) {
            throw incomplete();
        }
        return ctx;
    }

    /** A token the grammar requires; recovery may have left it out or conjured it (no position). */
    private Token required(Token token) {
        if (token == null || token.getStartIndex() < 0 || token.getType() == Token.EOF) {
            throw incomplete();
        }
        return token;
    }

    private Token required(TerminalNode node) {
        if (node == null || node instanceof ErrorNode) {
            throw incomplete();
        }
        return required(node.getSymbol());
    }

    /**
     * A small rule whose text is used as is (a name, a keyword): recovery may have left it empty or put
     * skipped tokens into it.
     */
    private <C extends ParserRuleContext> C whole(C ctx) {
        required(ctx);
        if (ctx.getChildCount() == 0 || hasErrors(ctx)) {
            throw incomplete();
        }
        return ctx;
    }

    private static boolean hasErrors(ParseTree tree) {
        if (tree instanceof ErrorNode) {
            return true;
        }
        if (tree instanceof ParserRuleContext ctx && ctx.exception != null) {
            return true;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (hasErrors(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- positions -------------------------------------------------------------------------------

    private Span span(ParserRuleContext ctx) {
        required(ctx);
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == null || start.getStartIndex() < 0) {
            throw incomplete();
        }
        int end = stop != null && stop.getStopIndex() >= start.getStartIndex() ? stop.getStopIndex() + 1 : start.getStopIndex() + 1;
        return new Span(file, start.getStartIndex(), end);
    }

    private Span span(Token token) {
        required(token);
        return new Span(file, token.getStartIndex(), token.getStopIndex() + 1);
    }

    private void error(Span at, String message, String hint) {
        diagnostics.add(Diagnostic.of(SYNTAX, Severity.ERROR, at, message, hint));
    }

    // ---- statements ------------------------------------------------------------------------------

    private Statement statement(StatementContext s) {
        required(s);
        if (s.importDecl() != null) {
            return new ImportDecl(span(s.importDecl()), string(s.importDecl().path));
        }
        if (s.paramDecl() != null) {
            ParamDeclContext p = s.paramDecl();
            List<ParamSince> since = p.paramSince().stream()
                    .map(c -> new ParamSince(span(c), string(c.version), paramLiteral(c.value))).toList();
            return new ParamDecl(span(p), ident(p.name), paramLiteral(p.value), since, p.help == null ? null : string(p.help));
        }
        if (s.severitiesDecl() != null) {
            return new SeveritiesDecl(span(s.severitiesDecl()), s.severitiesDecl().identifier().stream().map(this::ident).toList());
        }
        if (s.metricDecl() != null) {
            MetricDeclContext m = s.metricDecl();
            return new MetricDecl(span(m), ident(m.name), metricType(m.type), metricBody(m.metricClause(), m.name));
        }
        if (s.familyDecl() != null) {
            FamilyDeclContext f = s.familyDecl();
            List<FamilyMember> members = new ArrayList<>();
            for (FamilyMemberContext mc : f.familyMember()) {
                FamilyMember member = guarded(() -> familyMember(mc));
                if (member != null) {
                    members.add(member);
                }
            }
            return new FamilyDecl(span(f), ident(f.prefix), metricType(f.type), metricBody(f.metricClause(), f.prefix), members);
        }
        if (s.externalMetricDecl() != null) {
            return externalMetric(s.externalMetricDecl());
        }
        if (s.groupDecl() != null) {
            return group(s.groupDecl());
        }
        if (s.dashboardDecl() != null) {
            return dashboard(s.dashboardDecl());
        }
        if (s.routingDecl() != null) {
            return routing(s.routingDecl());
        }
        if (s.panelTemplateDecl() != null) {
            PanelTemplateDeclContext t = s.panelTemplateDecl();
            Ident name = ident(t.name);
            return new PanelTemplateDecl(span(t), name, t.identifier().subList(1, t.identifier().size()).stream()
                    .map(this::ident).toList(), panelDecl(t.panelDecl()));
        }
        throw incomplete();
    }

    private ParamLiteral paramLiteral(ParamLiteralContext v) {
        required(v);
        if (v.DURATION() != null) {
            return duration(required(v.DURATION()));
        }
        if (v.NUMBER() != null) {
            NumberLit n = number(required(v.NUMBER()));
            return v.sign != null ? new NumberLit(span(v), "-" + n.text(), -n.value()) : n;
        }
        if (v.STRING() != null) {
            return string(required(v.STRING()));
        }
        List<LabelName> names = new ArrayList<>();
        for (LabelRefContext ref : required(v.labelList()).labelRef()) {
            if (ref.paramRef() != null) {
                error(span(ref), "a label-list parameter cannot refer to another parameter",
                        "write the label names out: (namespace, pod)");
                continue;
            }
            names.add(new LabelName(span(ref), identText(ref.identifier())));
        }
        return new LabelListLit(span(v), names);
    }

    // the grammar lists the keywords, so a wrong word here is a reported syntax error
    private MetricType metricType(MetricTypeContext t) {
        return MetricType.valueOf(whole(t).getText().toUpperCase(Locale.ROOT));
    }

    private MetricBody metricBody(List<MetricClauseContext> clauses, IdentifierContext owner) {
        StringLit help = null;
        Ident unit = null;
        List<JmxSource> jmx = new ArrayList<>();
        CgroupSource cgroup = null;
        List<LabelSpec> labels = new ArrayList<>();
        StringLit conditional = null;
        StringLit since = null;
        StringLit until = null;
        for (MetricClauseContext c : clauses) {
            if (c instanceof HelpClauseContext h) {
                help = once(help, string(h.help), span(c), "help");
            } else if (c instanceof UnitClauseContext u) {
                unit = once(unit, ident(u.unit), span(c), "unit");
            } else if (c instanceof JmxClauseContext j) {
                Ident attribute = null;
                Ident valueLabel = null;
                NumberLit scale = null;
                for (JmxOptionContext o : j.jmxOption()) {
                    if (o instanceof AttributeOptionContext a) {
                        attribute = once(attribute, attributeName(a.attr), span(o), "attribute");
                        valueLabel = a.valueLabel == null ? null : ident(a.valueLabel);
                    } else if (o instanceof ScaleOptionContext sc) {
                        scale = once(scale, number(sc.factor), span(o), "scale");
                    }
                }
                jmx.add(new JmxSource(span(c), string(j.pattern), attribute, valueLabel, scale));
            } else if (c instanceof CgroupClauseContext g) {
                cgroup = once(cgroup, new CgroupSource(span(c), ident(g.field)), span(c), "cgroup");
            } else if (c instanceof LabelsClauseContext l) {
                for (LabelSpecContext spec : l.labelSpec()) {
                    labels.add(new LabelSpec(span(spec), ident(spec.key), spec.label == null ? null : ident(spec.label)));
                }
            } else if (c instanceof ConditionalClauseContext cc) {
                conditional = once(conditional, string(cc.reason), span(c), "conditional");
            } else if (c instanceof SinceClauseContext sc) {
                since = once(since, string(sc.version), span(c), "since");
            } else if (c instanceof UntilClauseContext uc) {
                until = once(until, string(uc.version), span(c), "until");
            }
        }
        return new MetricBody(help, unit, jmx, cgroup, labels, conditional, since, until);
    }

    private FamilyMember familyMember(FamilyMemberContext m) {
        StringLit help = null;
        Ident unit = null;
        StringLit conditional = null;
        StringLit since = null;
        StringLit until = null;
        for (MemberClauseContext c : m.memberClause()) {
            if (c instanceof MemberHelpContext h) {
                help = once(help, string(h.help), span(c), "help");
            } else if (c instanceof MemberUnitContext u) {
                unit = once(unit, ident(u.unit), span(c), "unit");
            } else if (c instanceof MemberConditionalContext cc) {
                conditional = once(conditional, string(cc.reason), span(c), "conditional");
            } else if (c instanceof MemberSinceContext sc) {
                since = once(since, string(sc.version), span(c), "since");
            } else if (c instanceof MemberUntilContext uc) {
                until = once(until, string(uc.version), span(c), "until");
            }
        }
        return new FamilyMember(span(m), ident(m.mbeanName), m.suffix == null ? null : ident(m.suffix), help, unit,
                conditional, since, until);
    }

    private ExternalMetricDecl externalMetric(ExternalMetricDeclContext e) {
        Ident source = null;
        List<Ident> labels = new ArrayList<>();
        StringLit help = null;
        Ident unit = null;
        for (ExternalClauseContext c : e.externalClause()) {
            if (c instanceof ExternalSourceContext s) {
                source = once(source, ident(s.source), span(c), "source");
            } else if (c instanceof ExternalLabelsContext l) {
                l.identifier().forEach(i -> labels.add(ident(i)));
            } else if (c instanceof ExternalHelpContext h) {
                help = once(help, string(h.help), span(c), "help");
            } else if (c instanceof ExternalUnitContext u) {
                unit = once(unit, ident(u.unit), span(c), "unit");
            }
        }
        return new ExternalMetricDecl(span(e), ident(e.name), metricType(e.type), source, labels, help, unit);
    }

    private GroupDecl group(GroupDeclContext g) {
        Ident name = groupName(g.name);
        List<Rule> rules = new ArrayList<>();
        for (RuleDeclContext r : g.ruleDecl()) {
            Rule built = guarded(() -> r.alertRule() != null ? alert(r.alertRule()) : recording(r.recordingRule()));
            if (built != null) {
                rules.add(built);
            }
        }
        NumberLit limit = g.limit == null ? null : number(g.limit);
        if (limit != null && (limit.text().contains(".") || limit.text().toLowerCase(java.util.Locale.ROOT).contains("e")
                || limit.text().toLowerCase(java.util.Locale.ROOT).startsWith("0x"))) {
            error(limit.span(), "limit " + limit.text() + " is not a whole number", "write the number of alerts or series, e.g. limit 10");
        }
        return new GroupDecl(span(g), name, g.interval == null ? null : durationRef(g.interval), limit,
                g.groupBy == null ? null : labelList(g.groupBy), rules);
    }

    private AlertRule alert(AlertRuleContext a) {
        required(a);
        Expr expr = null;
        DurationRef forDuration = null;
        DurationRef keepFiringFor = null;
        Ident severity = null;
        List<KeyValue> labels = new ArrayList<>();
        StringLit summary = null;
        StringLit description = null;
        StringLit runbook = null;
        List<KeyValue> annotations = new ArrayList<>();
        List<AlertTest> tests = new ArrayList<>();
        List<Inhibition> inhibits = new ArrayList<>();
        List<DeliveryTest> deliveryTests = new ArrayList<>();
        boolean sawExpr = false;
        for (AlertClauseContext c : a.alertClause()) {
            if (c instanceof ExprClauseContext e) {
                if (sawExpr) {
                    error(span(c), "expr is given twice", "an alert has one expression; combine them with or/and/unless");
                }
                sawExpr = true;
                Expr built = guarded(() -> expr(e.promExpr()));
                expr = expr == null ? built : expr;
            } else if (c instanceof ForClauseContext f) {
                forDuration = once(forDuration, durationRef(f.durationRef()), span(c), "for");
            } else if (c instanceof KeepFiringForClauseContext k) {
                keepFiringFor = once(keepFiringFor, durationRef(k.durationRef()), span(c), "keep_firing_for");
            } else if (c instanceof SeverityClauseContext s) {
                severity = once(severity, ident(s.identifier()), span(c), "severity");
            } else if (c instanceof RuleLabelsClauseContext l) {
                l.keyValue().forEach(kv -> labels.add(keyValue(kv)));
            } else if (c instanceof SummaryClauseContext s) {
                summary = once(summary, string(required(s.STRING())), span(c), "summary");
            } else if (c instanceof DescriptionClauseContext d) {
                description = once(description, string(required(d.STRING())), span(c), "description");
            } else if (c instanceof RunbookClauseContext r) {
                runbook = once(runbook, string(required(r.STRING())), span(c), "runbook");
            } else if (c instanceof AnnotationsClauseContext an) {
                an.keyValue().forEach(kv -> annotations.add(keyValue(kv)));
            } else if (c instanceof AlertTestClauseContext t) {
                AlertTest test = guarded(() -> alertTest(t.alertTest()));
                if (test != null) {
                    tests.add(test);
                }
            } else if (c instanceof InhibitsClauseContext i) {
                inhibits.add(new Inhibition(span(c), i.targets.stream().map(this::ident).toList(), labelList(i.labelList())));
            } else if (c instanceof DeliveryTestClauseContext d) {
                DeliveryTest test = guarded(() -> deliveryTest(d.deliveryTest()));
                if (test != null) {
                    deliveryTests.add(test);
                }
            }
        }
        if (!sawExpr) {
            throw dropped(span(a.name), "alert " + identText(a.name) + " has no expr",
                    "add the PromQL condition: expr <expression>");
        }
        if (expr == null) {
            throw incomplete(); // the expression had a hole
        }
        return new AlertRule(span(a), ident(a.name), expr, forDuration, keepFiringFor, severity, labels, summary,
                description, runbook, annotations, tests, inhibits, deliveryTests);
    }

    private RecordingRule recording(RecordingRuleContext r) {
        required(r);
        Expr expr = null;
        List<KeyValue> labels = new ArrayList<>();
        boolean sawExpr = false;
        for (RecordClauseContext c : r.recordClause()) {
            if (c instanceof RecordExprClauseContext e) {
                if (sawExpr) {
                    error(span(c), "expr is given twice", "a recording rule has one expression");
                }
                sawExpr = true;
                Expr built = guarded(() -> expr(e.promExpr()));
                expr = expr == null ? built : expr;
            } else if (c instanceof RecordLabelsClauseContext l) {
                l.keyValue().forEach(kv -> labels.add(keyValue(kv)));
            }
        }
        if (!sawExpr) {
            throw dropped(span(r.name), "recording rule " + identText(r.name) + " has no expr",
                    "add the PromQL expression: expr <expression>");
        }
        if (expr == null) {
            throw incomplete(); // the expression had a hole
        }
        return new RecordingRule(span(r), ident(r.name), expr, labels);
    }

    private AlertTest alertTest(AlertTestContext t) {
        required(t);
        DurationRef interval = null;
        List<TestSeries> series = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        for (TestClauseContext c : t.testClause()) {
            if (c instanceof TestIntervalContext i) {
                interval = once(interval, durationRef(i.durationRef()), span(c), "interval");
            } else if (c instanceof TestSeriesContext s) {
                series.add(new TestSeries(span(c), metricSelector(s.vectorSelector(), "a test series"), string(s.values)));
            } else if (c instanceof ExpectFiringContext f) {
                List<KeyValue> labels = new ArrayList<>();
                if (f.expectedLabels() != null) {
                    f.expectedLabels().keyValue().forEach(kv -> labels.add(keyValue(kv)));
                }
                expectations.add(new Expectation(span(c), true, durationRef(f.time), labels));
            } else if (c instanceof ExpectQuietContext q) {
                expectations.add(new Expectation(span(c), false, durationRef(q.time), List.of()));
            }
        }
        return new AlertTest(span(t), string(t.name), interval, series, expectations);
    }

    private DeliveryTest deliveryTest(DeliveryTestContext t) {
        required(t);
        List<KeyValue> labels = new ArrayList<>();
        List<DeliveryExpectation> expectations = new ArrayList<>();
        for (DeliveryClauseContext c : t.deliveryClause()) {
            if (c instanceof DeliveryLabelsContext l) {
                l.keyValue().forEach(kv -> labels.add(keyValue(kv)));
            } else if (c instanceof ExpectReceiverContext r) {
                expectations.add(new ReceiverExpectation(span(c), ident(r.receiver)));
            } else if (c instanceof ExpectInhibitsContext i) {
                expectations.add(new InhibitionExpectation(span(c), true, ident(i.target), expected(i.expectedLabels())));
            } else if (c instanceof ExpectSparesContext s) {
                expectations.add(new InhibitionExpectation(span(c), false, ident(s.target), expected(s.expectedLabels())));
            }
        }
        return new DeliveryTest(span(t), string(t.name), labels, expectations);
    }

    private List<KeyValue> expected(ExpectedLabelsContext e) {
        List<KeyValue> labels = new ArrayList<>();
        if (e != null) {
            e.keyValue().forEach(kv -> labels.add(keyValue(kv)));
        }
        return labels;
    }

    private RoutingDecl routing(RoutingDeclContext r) {
        required(r);
        List<LabelRef> groupBy = null;
        List<Ident> page = null;
        DurationRef groupWait = null;
        DurationRef groupInterval = null;
        DurationRef repeatInterval = null;
        for (RoutingClauseContext c : r.routingClause()) {
            if (c instanceof RoutingGroupByContext g) {
                groupBy = once(groupBy, labelList(g.labelList()), span(c), "group_by");
            } else if (c instanceof RoutingPageContext p) {
                page = once(page, p.identifier().stream().map(this::ident).toList(), span(c), "page");
            } else if (c instanceof RoutingGroupWaitContext w) {
                groupWait = once(groupWait, durationRef(w.durationRef()), span(c), "group_wait");
            } else if (c instanceof RoutingGroupIntervalContext i) {
                groupInterval = once(groupInterval, durationRef(i.durationRef()), span(c), "group_interval");
            } else if (c instanceof RoutingRepeatIntervalContext i) {
                repeatInterval = once(repeatInterval, durationRef(i.durationRef()), span(c), "repeat_interval");
            }
        }
        return new RoutingDecl(span(r), groupBy, page, groupWait, groupInterval, repeatInterval);
    }

    private Ident attributeName(AttributeNameContext a) {
        required(a);
        if (a.STRING() != null) {
            StringLit s = string(required(a.STRING()));
            return new Ident(s.span(), s.value());
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < a.identifier().size(); i++) {
            text.append(i == 0 ? "" : "-").append(identText(a.identifier(i)));
        }
        return new Ident(span(a), text.toString());
    }

    private KeyValue keyValue(KeyValueContext kv) {
        return new KeyValue(span(kv), ident(kv.key), string(kv.value));
    }

    private <T> T once(T previous, T next, Span at, String clause) {
        if (previous != null) {
            error(at, clause + " is given twice", "keep one " + clause + " clause");
            return previous;
        }
        return next;
    }


    // ---- dashboards ------------------------------------------------------------------------------

    private DashboardDecl dashboard(DashboardDeclContext d) {
        Ident name = groupName(d.name);
        StringLit uid = null;
        List<StringLit> tags = new ArrayList<>();
        StringLit description = null;
        DurationLit time = null;
        DurationLit refresh = null;
        Ident datasource = null;
        List<LinkDecl> links = new ArrayList<>();
        List<VariableDecl> variables = new ArrayList<>();
        List<DashboardElement> elements = new ArrayList<>();
        for (DashboardClauseContext c : d.dashboardClause()) {
            if (c instanceof DashboardUidContext u) {
                uid = once(uid, string(u.value), span(c), "uid");
            } else if (c instanceof DashboardTagsContext t) {
                t.STRING().forEach(tag -> tags.add(string(tag.getSymbol())));
            } else if (c instanceof DashboardDescriptionContext dc) {
                description = once(description, string(dc.value), span(c), "description");
            } else if (c instanceof DashboardTimeContext t) {
                time = once(time, duration(t.range), span(c), "time");
            } else if (c instanceof DashboardRefreshContext r) {
                refresh = once(refresh, duration(r.every), span(c), "refresh");
            } else if (c instanceof DashboardDatasourceContext ds) {
                datasource = once(datasource, ident(ds.name), span(c), "datasource");
            } else if (c instanceof DashboardLinkContext l) {
                links.add(link(l, l.title, l.linkTarget()));
            } else if (c instanceof DashboardVariableContext v) {
                VariableDecl built = guarded(() -> variable(v.variableDecl()));
                if (built != null) {
                    variables.add(built);
                }
            } else if (c instanceof DashboardRowContext r) {
                RowDecl built = guarded(() -> row(r.rowDecl()));
                if (built != null) {
                    elements.add(built);
                }
            } else if (c instanceof DashboardPanelContext p) {
                PanelItem built = guarded(() -> panelItem(p.panelItem()));
                if (built != null) {
                    elements.add(built);
                }
            }
        }
        return new DashboardDecl(span(d), name, d.title == null ? null : string(d.title), uid, tags, description, time,
                refresh, datasource, links, variables, elements);
    }

    /** A group or dashboard name: quoted, or dashed parts written without spaces. */
    private Ident groupName(GroupNameContext n) {
        required(n);
        if (n.STRING() != null) {
            StringLit s = string(required(n.STRING()));
            return new Ident(s.span(), s.value());
        }
        return dashedName(n);
    }

    private Ident dashedName(GroupNameContext n) {
        Span at = span(n);
        String text = at.text();
        if (text.chars().anyMatch(Character::isWhitespace)) {
            error(at, "'" + text.replaceAll("\\s+", " ") + "' is not one name", "write dashed names without spaces, e.g. kafka-broker, or quote them");
        }
        return new Ident(at, text.replaceAll("\\s+", ""));
    }

    private VariableDecl variable(VariableDeclContext v) {
        required(v);
        VariableSource source;
        VariableSourceContext sc = v.variableSource();
        if (sc instanceof LabelValuesSourceContext lv) {
            VectorSelector selector = lv.vectorSelector() == null ? null
                    : metricSelector(lv.vectorSelector(), "label_values()");
            source = new VariableSource.LabelValues(span(sc), selector, ident(lv.label));
        } else if (sc instanceof CustomSourceContext cs) {
            source = new VariableSource.Custom(span(sc), cs.STRING().stream().map(t -> string(t.getSymbol())).toList());
        } else if (sc instanceof IntervalSourceContext is) {
            source = new VariableSource.Interval(span(sc), is.DURATION().stream().map(t -> duration(t.getSymbol())).toList());
        } else {
            throw incomplete();
        }
        boolean multi = false;
        boolean all = false;
        boolean hidden = false;
        StringLit defaultValue = null;
        StringLit regex = null;
        for (VariableOptionContext o : v.variableOption()) {
            if (o instanceof MultiOptionContext) {
                multi = true;
            } else if (o instanceof AllOptionContext) {
                all = true;
            } else if (o instanceof HideOptionContext) {
                hidden = true;
            } else if (o instanceof DefaultOptionContext dv) {
                defaultValue = once(defaultValue, string(dv.value), span(o), "default");
            } else if (o instanceof RegexOptionContext r) {
                regex = once(regex, string(r.value), span(o), "regex");
            }
        }
        return new VariableDecl(span(v), ident(v.name), v.label == null ? null : string(v.label), source, multi, all,
                defaultValue, regex, hidden);
    }

    private RowDecl row(RowDeclContext r) {
        required(r);
        List<PanelItem> panels = new ArrayList<>();
        for (PanelItemContext p : r.panelItem()) {
            PanelItem built = guarded(() -> panelItem(p));
            if (built != null) {
                panels.add(built);
            }
        }
        return new RowDecl(span(r), string(r.title), r.COLLAPSED() != null, panels);
    }

    private PanelItem panelItem(PanelItemContext p) {
        if (required(p).panelDecl() != null) {
            return panelDecl(p.panelDecl());
        }
        PanelUseContext u = required(p.panelUse());
        List<ParamLiteral> args = u.paramLiteral().stream().map(this::paramLiteral).toList();
        return new PanelUse(span(u), ident(u.name), args, u.title == null ? null : string(u.title),
                u.panelBody() == null ? PanelBody.EMPTY : panelBody(u.panelBody()));
    }

    private PanelDecl panelDecl(PanelDeclContext p) {
        required(p);
        return new PanelDecl(span(p), PanelKind.of(whole(p.kind).getText()), string(p.title),
                p.panelBody() == null ? PanelBody.EMPTY : panelBody(p.panelBody()));
    }

    private PanelBody panelBody(PanelBodyContext b) {
        List<PanelQuery> queries = new ArrayList<>();
        Ident unit = null;
        NumberLit decimals = null;
        NumberLit min = null;
        NumberLit max = null;
        List<ThresholdStep> thresholds = new ArrayList<>();
        PanelBody.StackMode stack = null;
        List<LinkDecl> links = new ArrayList<>();
        StringLit description = null;
        StringLit content = null;
        NumberLit width = null;
        NumberLit height = null;
        Placement place = null;
        NumberLit id = null;
        for (PanelClauseContext c : b.panelClause()) {
            if (c instanceof QueryClauseContext q) {
                PanelQuery built = guarded(() -> query(q));
                if (built != null) {
                    queries.add(built);
                }
            } else if (c instanceof PanelUnitContext u) {
                Ident value = u.unit != null ? ident(u.unit) : stringAsIdent(u.unitString);
                unit = once(unit, value, span(c), "unit");
            } else if (c instanceof PanelDecimalsContext d) {
                decimals = once(decimals, finite(number(d.value), "decimals"), span(c), "decimals");
            } else if (c instanceof PanelMinContext m) {
                min = once(min, finite(signedNumber(m.signedNumber()), "min"), span(c), "min");
            } else if (c instanceof PanelMaxContext m) {
                max = once(max, finite(signedNumber(m.signedNumber()), "max"), span(c), "max");
            } else if (c instanceof PanelThresholdsContext t) {
                if (!thresholds.isEmpty()) {
                    error(span(c), "thresholds is given twice", "list every step in one clause: thresholds green, 80 orange, 90 red");
                    continue;
                }
                for (ThresholdStepContext step : t.thresholdStep()) {
                    NumberLit value = step.signedNumber() == null ? null : finite(signedNumber(step.signedNumber()), "a threshold");
                    Ident color = required(step.color).STRING() != null ? stringAsIdent(required(step.color.STRING())) : ident(step.color.identifier());
                    thresholds.add(new ThresholdStep(span(step), value, color));
                }
            } else if (c instanceof PanelStackContext st) {
                stack = once(stack, st.PERCENT() != null ? PanelBody.StackMode.PERCENT : PanelBody.StackMode.NORMAL, span(c), "stack");
            } else if (c instanceof PanelLinkContext l) {
                links.add(link(l, l.title, l.linkTarget()));
            } else if (c instanceof PanelDescriptionContext d) {
                description = once(description, string(d.value), span(c), "description");
            } else if (c instanceof PanelContentContext ct) {
                content = once(content, string(ct.value), span(c), "content");
            } else if (c instanceof PanelWidthContext w) {
                width = once(width, finite(number(w.value), "width"), span(c), "width");
            } else if (c instanceof PanelHeightContext h) {
                height = once(height, finite(number(h.value), "height"), span(c), "height");
            } else if (c instanceof PanelPlaceContext pl) {
                place = once(place, new Placement(span(c), gridInt(pl.x), gridInt(pl.y), gridInt(pl.w), gridInt(pl.h)), span(c), "place");
            } else if (c instanceof PanelIdContext i) {
                id = once(id, finite(number(i.value), "id"), span(c), "id");
            }
        }
        return new PanelBody(queries, unit, decimals, min, max, thresholds, stack, links, description, content, width,
                height, place, id);
    }

    private PanelQuery query(QueryClauseContext q) {
        required(q);
        Expr expr = expr(q.promExpr());
        StringLit legend = null;
        boolean instant = false;
        for (QueryOptionContext o : q.queryOption()) {
            if (o instanceof LegendOptionContext l) {
                legend = once(legend, string(l.value), span(o), "legend");
            } else if (o instanceof InstantOptionContext) {
                instant = true;
            }
        }
        return new PanelQuery(span(q), expr, legend, instant);
    }

    private int gridInt(Token token) {
        NumberLit n = number(token);
        if (n.value() != Math.rint(n.value()) || n.value() < 0 || n.value() > Integer.MAX_VALUE) {
            error(n.span(), "grid positions are whole numbers from 0", "the grid is 24 columns wide; rows are about 30 pixels");
            return 0;
        }
        return (int) n.value();
    }

    /** Dashboard JSON has no infinity: a literal too large for a double is reported, and read as 0. */
    private NumberLit finite(NumberLit n, String what) {
        if (Double.isFinite(n.value())) {
            return n;
        }
        error(n.span(), what + " " + n.text() + " is out of range", "Grafana needs a finite number; the largest is about 1.8e308");
        return new NumberLit(n.span(), n.text(), 0);
    }

    private NumberLit signedNumber(SignedNumberContext s) {
        required(s);
        NumberLit n = number(required(s.NUMBER()));
        return s.sign != null ? new NumberLit(span(s), "-" + n.text(), -n.value()) : n;
    }

    private Ident stringAsIdent(Token token) {
        StringLit s = string(token);
        return new Ident(s.span(), s.value());
    }

    private LinkDecl link(ParserRuleContext whole, Token title, LinkTargetContext target) {
        StringLit titleLit = string(title);
        if (target instanceof DashboardTargetContext d) {
            Ident name = groupName(d.name);
            return new LinkDecl(span(whole), titleLit, LinkDecl.Kind.DASHBOARD, name, null);
        }
        if (target instanceof AlertTargetContext a) {
            return new LinkDecl(span(whole), titleLit, LinkDecl.Kind.ALERT, ident(a.name), null);
        }
        if (target instanceof UrlTargetContext u) {
            return new LinkDecl(span(whole), titleLit, LinkDecl.Kind.URL, null, string(u.value));
        }
        throw incomplete();
    }

    // ---- PromQL ----------------------------------------------------------------------------------

    Expr expr(PromExprContext ctx) {
        required(ctx);
        if (ctx instanceof ParenContext p) {
            return new ParenExpr(span(ctx), expr(p.promExpr()));
        }
        if (ctx instanceof NumberLiteralContext n) {
            return number(required(n.number().NUMBER()));
        }
        if (ctx instanceof StringLiteralContext s) {
            return string(required(s.STRING()));
        }
        if (ctx instanceof ParamValueContext p) {
            return paramRef(p.paramRef());
        }
        if (ctx instanceof SelectorContext s) {
            return vectorSelector(s.vectorSelector(), Modifiers.NONE);
        }
        if (ctx instanceof UnaryContext u) {
            Expr operand = expr(u.promExpr());
            return new UnaryOp(span(ctx), required(u.op).getText(), operand);
        }
        if (ctx instanceof BinaryContext b) {
            return binary(b);
        }
        if (ctx instanceof CallContext c) {
            return call(c);
        }
        if (ctx instanceof RangeOrSubqueryContext r) {
            return rangeOrSubquery(r);
        }
        if (ctx instanceof OffsetContext o) {
            Expr inner = expr(o.promExpr());
            DurationRef offset = durationRef(o.durationRef());
            return withModifier(inner, span(ctx), m -> m.withOffset(offset, o.sign != null), "offset");
        }
        if (ctx instanceof AtContext a) {
            Expr inner = expr(a.promExpr());
            whole(a.atValue());
            return withModifier(inner, span(ctx), m -> m.withAt(whole(a.atValue()).getText()), "@");
        }
        throw incomplete();
    }

    private Expr withModifier(Expr inner, Span whole, java.util.function.UnaryOperator<Modifiers> change, String what) {
        if (inner instanceof VectorSelector v) {
            return new VectorSelector(whole, v.name(), v.matchers(), change.apply(v.modifiers()));
        }
        if (inner instanceof MatrixSelector m) {
            return new MatrixSelector(whole, m.selector(), m.range(), change.apply(m.modifiers()));
        }
        if (inner instanceof Subquery s) {
            return new Subquery(whole, s.expr(), s.range(), s.step(), change.apply(s.modifiers()));
        }
        error(whole, what + " must follow a selector or a subquery", "move " + what + " next to the metric it shifts, e.g. rate(x[5m] " + what + " 1h)");
        return inner;
    }

    private Expr rangeOrSubquery(RangeOrSubqueryContext r) {
        Expr inner = expr(r.promExpr());
        DurationRef range = durationRef(r.range);
        if (r.COLON() == null) {
            if (inner instanceof VectorSelector v && v.modifiers().equals(Modifiers.NONE)) {
                return new MatrixSelector(span(r), v, range, Modifiers.NONE);
            }
            error(span(r), "a range [" + r.range.getText() + "] can only follow a metric selector",
                    "for a range over an expression, use a subquery: (expr)[" + r.range.getText() + ":1m]");
            return inner;
        }
        return new Subquery(span(r), inner, range, r.step == null ? null : durationRef(r.step), Modifiers.NONE);
    }

    private Expr binary(BinaryContext b) {
        Expr lhs = expr(b.left);
        Expr rhs = expr(b.right);
        BinModifiersContext m = b.modifiers;
        boolean returnBool = m != null && m.BOOL() != null;
        String op = required(b.op).getText();
        VectorMatching matching = null;
        if (m != null && m.matchKind != null) {
            VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
            List<LabelRef> include = List.of();
            if (m.groupKind != null) {
                card = m.groupKind.getType() == BrokerWatchParser.GROUP_LEFT
                        ? VectorMatching.Cardinality.MANY_TO_ONE : VectorMatching.Cardinality.ONE_TO_MANY;
                include = m.labelList().size() > 1 ? labelList(m.labelList(1)) : List.of();
            }
            matching = new VectorMatching(span(m), m.matchKind.getType() == BrokerWatchParser.ON,
                    labelList(m.labelList(0)), card, include);
        } else if (m != null && m.groupKind != null) {
            error(span(m), "group_left/group_right needs on(...) or ignoring(...) first", "write e.g. on(pod) group_left(...)");
        }
        if (returnBool && !BinaryOp_isComparison(op)) {
            error(span(m), "bool is only allowed after a comparison operator", "remove bool, or compare with ==, !=, <, >, <=, >=");
        }
        return new BinaryOp(span(b), op, span(b.op), lhs, rhs, returnBool, matching);
    }

    private static boolean BinaryOp_isComparison(String op) {
        return op.equals("==") || op.equals("!=") || op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=");
    }

    private Expr call(CallContext c) {
        Ident fn = ident(c.fn);
        List<Expr> args = new ArrayList<>();
        for (PromExprContext a : c.args) {
            args.add(expr(a));
        }
        List<GroupingContext> groupings = c.grouping();
        boolean isAggregation = PromQlFunctions.isAggregation(fn.text());
        if (!isAggregation) {
            if (!groupings.isEmpty()) {
                error(span(groupings.get(0)), fn.text() + "() is not an aggregation, so it takes no by/without",
                        "aggregations are " + String.join(", ", PromQlFunctions.aggregationNames()));
            }
            return new Call(span(c), fn, args);
        }
        if (groupings.size() > 1) {
            error(span(groupings.get(1)), "by/without is given twice", "keep one grouping clause");
        }
        Grouping grouping = null;
        if (!groupings.isEmpty()) {
            GroupingContext g = groupings.get(0);
            grouping = new Grouping(span(g), required(g.kind).getType() == BrokerWatchParser.WITHOUT, labelList(g.labelList()));
        }
        boolean takesParam = PromQlFunctions.aggregationTakesParameter(fn.text());
        int expected = takesParam ? 2 : 1;
        if (args.size() != expected) {
            String message = fn.text() + " takes " + expected + (expected == 1 ? " argument" : " arguments")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given";
            String hint = takesParam ? "write " + fn.text() + "(<parameter>, <vector expression>)" : "write " + fn.text() + "(<vector expression>)";
            if (args.isEmpty()) {
                throw dropped(span(c), message, hint);
            }
            error(span(c), message, hint);
        }
        Expr param = takesParam && args.size() >= 2 ? args.get(0) : null;
        Expr operand = args.get(args.size() - 1);
        return new Aggregation(span(c), fn, grouping, param, operand);
    }

    private List<LabelRef> labelList(LabelListContext l) {
        List<LabelRef> out = new ArrayList<>();
        for (LabelRefContext ref : required(l).labelRef()) {
            out.add(ref.paramRef() != null ? paramRef(ref.paramRef()) : new LabelName(span(ref), identText(ref.identifier())));
        }
        return out;
    }

    private Expr vectorSelector(VectorSelectorContext v, Modifiers modifiers) {
        required(v);
        Ident name = v.metricName == null ? null : ident(v.metricName);
        if (name != null && v.LBRACE() == null) {
            String lower = name.text().toLowerCase(Locale.ROOT);
            if (lower.equals("inf") || lower.equals("nan")) {
                return new NumberLit(name.span(), name.text(), lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN);
            }
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        if (v.matchers() != null) {
            for (MatcherContext m : v.matchers().matcher()) {
                matchers.add(matcher(m));
            }
        }
        if (name == null && matchers.stream().allMatch(m -> matchesEmpty(m))) {
            error(span(v), "a selector without a metric name needs at least one matcher that does not match the empty string",
                    "name the metric, or add e.g. job=\"kafka\"");
        }
        return new VectorSelector(span(v), name, matchers, modifiers);
    }

    /** A selector where only a series selector makes sense: {@code inf} and {@code nan} read as numbers. */
    private VectorSelector metricSelector(VectorSelectorContext v, String where) {
        Expr built = vectorSelector(v, Modifiers.NONE);
        if (built instanceof VectorSelector selector) {
            return selector;
        }
        throw dropped(built.span(), where + " needs a metric, but " + built.span().text() + " is a number",
                "name a metric, e.g. kafka_server_replicamanager_leadercount{pod=\"b0\"}");
    }

    private static boolean matchesEmpty(LabelMatcher m) {
        if (!(m.value() instanceof StringLit s)) {
            return false;
        }
        return switch (m.op()) {
            case EQ -> s.value().isEmpty();
            case NE -> !s.value().isEmpty();
            case RE -> s.value().isEmpty() || s.value().equals(".*");
            case NRE -> !s.value().isEmpty() && !s.value().equals(".*");
        };
    }

    private LabelMatcher matcher(MatcherContext m) {
        required(m);
        LabelMatcher.MatchOp op = switch (required(m.op).getType()) {
            case BrokerWatchParser.EQ -> LabelMatcher.MatchOp.EQ;
            case BrokerWatchParser.NE -> LabelMatcher.MatchOp.NE;
            case BrokerWatchParser.EQ_RE -> LabelMatcher.MatchOp.RE;
            case BrokerWatchParser.NE_RE -> LabelMatcher.MatchOp.NRE;
            default -> throw incomplete();
        };
        required(m.value);
        MatcherValue value = m.value.paramRef() != null ? paramRef(m.value.paramRef()) : string(required(m.value.STRING()));
        return new LabelMatcher(span(m), ident(m.label), op, value);
    }

    private DurationRef durationRef(DurationRefContext d) {
        required(d);
        if (d.paramRef() != null) {
            return paramRef(d.paramRef());
        }
        return duration(required(d.DURATION()));
    }

    // $name, ${name}, ${name:format} and [[name]] all name the same thing; the format is Grafana's business
    private ParamRef paramRef(ParamRefContext p) {
        String text = whole(p).getText();
        String name;
        if (text.startsWith("${")) {
            name = text.substring(2, text.length() - 1);
        } else if (text.startsWith("[[")) {
            name = text.substring(2, text.length() - 2);
        } else {
            name = text.substring(1);
        }
        int colon = name.indexOf(':');
        return new ParamRef(span(p), colon < 0 ? name : name.substring(0, colon));
    }

    // ---- tokens ----------------------------------------------------------------------------------

    private Ident ident(IdentifierContext ctx) {
        return new Ident(span(ctx), identText(ctx));
    }

    private String identText(IdentifierContext ctx) {
        return whole(ctx).getText();
    }

    private StringLit string(Token token) {
        Span at = span(token);
        try {
            return new StringLit(at, StringLiterals.unquote(token.getText()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            error(at, "invalid string: " + e.getMessage(),
                    "write \\\\ for a backslash, or use a `backtick` string, in which nothing is escaped");
            return new StringLit(at, token.getText());
        }
    }

    private DurationLit duration(Token token) {
        Span at = span(token);
        long millis = Durations.parseMillis(token.getText());
        if (millis < 0) {
            error(at, "invalid duration " + token.getText(), "write units from largest to smallest, each once: 1h30m, 90s, 500ms");
            millis = 0;
        }
        return new DurationLit(at, token.getText(), millis);
    }

    private NumberLit number(Token token) {
        Span at = span(token);
        String text = token.getText();
        try {
            double value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16) : Double.parseDouble(text);
            return new NumberLit(at, text, value);
        } catch (NumberFormatException e) {
            error(at, "invalid number " + text, null);
            return new NumberLit(at, text, 0);
        }
    }
}
