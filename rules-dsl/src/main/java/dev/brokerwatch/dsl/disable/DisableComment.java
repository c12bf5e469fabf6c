package dev.brokerwatch.dsl.disable;

import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * One {@code # brokerwatch: disable=code[,code]} comment (for the statement that follows it) or
 * {@code # brokerwatch: disable-file=code[,code]} comment (for the whole file), with the codes it names.
 * {@code target} is the source range a {@code disable=} comment covers: the outermost construct that
 * starts on the next line that is not blank or a comment; null when nothing follows.
 */
public record DisableComment(Span comment, boolean wholeFile, List<DisabledCode> codes, Span target) {

    /** One code named in the comment, and exactly where. */
    public record DisabledCode(CheckCode code, Span span) {
    }

    public DisableComment {
        codes = List.copyOf(codes);
    }

    /** Whether a problem at {@code at} is in the range this comment covers. */
    public boolean covers(Span at) {
        if (at.file() != comment.file()) {
            return false;
        }
        return wholeFile || (target != null && at.start() >= target.start() && at.start() <= target.end());
    }
}
