package dev.brokerwatch.dsl.disable;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one place where problems are disabled, after every check ran: by the {@code # brokerwatch:} comments
 * of the files, then by the codes disabled for the whole run ({@code --disable}). A comment code that
 * disabled nothing is reported ({@code disable/unused}), so that stale comments do not hide the next real
 * problem. Codes that cannot be disabled ({@link CheckCode#disableable()}) always pass.
 */
public final class DisableFilter {
    static final CheckCode UNUSED = CheckCode.DISABLE_UNUSED;

    private DisableFilter() {
    }

    public static List<Diagnostic> apply(List<Diagnostic> diagnostics, List<BwFile> files, Set<CheckCode> disabledForRun) {
        List<Diagnostic> raised = new ArrayList<>();
        List<DisableComment> comments = new ArrayList<>();
        for (BwFile file : files) {
            comments.addAll(DisableComments.read(file, raised));
        }
        Set<DisableComment.DisabledCode> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            boolean hidden = false;
            if (d.check().disableable()) {
                for (DisableComment comment : comments) {
                    if (comment.covers(d.span())) {
                        for (DisableComment.DisabledCode code : comment.codes()) {
                            if (code.code() == d.check()) {
                                used.add(code);
                                hidden = true;
                            }
                        }
                    }
                }
                hidden |= disabledForRun.contains(d.check());
            }
            if (!hidden) {
                kept.add(d);
            }
        }
        for (DisableComment comment : comments) {
            if (hasSyntaxErrors(comment, diagnostics)) {
                continue; // statements lost to a syntax error cannot be matched; that error is the one to fix
            }
            for (DisableComment.DisabledCode code : comment.codes()) {
                if (!used.contains(code)) {
                    raised.add(unused(comment, code));
                }
            }
        }
        for (Diagnostic d : raised) {
            if (!(d.check().disableable() && disabledForRun.contains(d.check()))) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static Diagnostic unused(DisableComment comment, DisableComment.DisabledCode code) {
        String name = code.code().code();
        if (comment.wholeFile()) {
            return Diagnostic.of(UNUSED, Severity.WARNING, code.span(), "disable-file=" + name + " disables nothing: this file has no "
                    + name + " problem", "remove " + name + " from the comment");
        }
        if (comment.target() == null) {
            return Diagnostic.of(UNUSED, Severity.WARNING, code.span(), "disable=" + name + " disables nothing: no statement follows the comment",
                    "put the comment on the line before the statement it is about");
        }
        return Diagnostic.of(UNUSED, Severity.WARNING, code.span(), "disable=" + name + " disables nothing: the statement on line "
                        + comment.target().line() + " has no " + name + " problem",
                "remove " + name + " from the comment").withRelated(comment.target(), "the statement it applies to");
    }

    private static boolean hasSyntaxErrors(DisableComment comment, List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.check() == CheckCode.SYNTAX_INVALID && d.span().file() == comment.comment().file());
    }
}
