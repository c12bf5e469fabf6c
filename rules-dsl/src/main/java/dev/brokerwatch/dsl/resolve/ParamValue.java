package dev.brokerwatch.dsl.resolve;

import java.util.List;

/** The resolved value of a parameter, with the text that replaces {@code $name} in emitted PromQL. */
public sealed interface ParamValue {

    /** What kind of value this is, for messages ("a duration"). */
    String kind();

    /** The text to put in place of {@code $name} in a PromQL expression. */
    String promql();

    record DurationValue(long millis, String text) implements ParamValue {
        public String kind() {
            return "a duration";
        }

        public String promql() {
            return text;
        }
    }

    record NumberValue(double value, String text) implements ParamValue {
        public String kind() {
            return "a number";
        }

        public String promql() {
            return text;
        }
    }

    record StringValue(String value) implements ParamValue {
        public String kind() {
            return "a string";
        }

        public String promql() {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
    }

    record LabelsValue(List<String> labels) implements ParamValue {
        public LabelsValue {
            labels = List.copyOf(labels);
        }

        public String kind() {
            return "a label list";
        }

        public String promql() {
            return String.join(", ", labels);
        }
    }
}
