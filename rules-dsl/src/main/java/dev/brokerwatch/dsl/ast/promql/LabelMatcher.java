package dev.brokerwatch.dsl.ast.promql;

import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.MatcherValue;
import dev.brokerwatch.dsl.ast.Node;
import dev.brokerwatch.dsl.source.Span;

/** {@code label op "value"} inside a selector's braces. */
public record LabelMatcher(Span span, Ident label, MatchOp op, MatcherValue value) implements Node {

    public enum MatchOp {
        EQ("="), NE("!="), RE("=~"), NRE("!~");

        private final String text;

        MatchOp(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public boolean isRegex() {
            return this == RE || this == NRE;
        }
    }
}
