package dev.brokerwatch.dsl.semantics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promtool's expanding notation for test input: space-separated items, each {@code _} (no sample),
 * {@code stale}, a number, {@code a+bxn} / {@code a-bxn} (n more samples, adding b each time),
 * {@code axn} (a, n more times) or {@code _xn} (n missing samples).
 */
public final class SeriesNotation {
    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|Inf|NaN)";
    private static final Pattern ITEM = Pattern.compile(
            "_|stale|_x(\\d+)|(" + NUMBER + ")|(" + NUMBER + ")(?:([+-])(" + NUMBER + "))?x(\\d+)");

    /** The number of samples, or a message saying what is wrong. */
    public record Result(int samples, String problem, String item) {
    }

    private SeriesNotation() {
    }

    public static Result read(String values) {
        String text = values.strip();
        if (text.isEmpty()) {
            return new Result(0, "the series has no values", "");
        }
        int samples = 0;
        for (String item : text.split("\\s+")) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                return new Result(samples, "'" + item + "' is not promtool notation", item);
            }
            if (m.group(1) != null) {
                samples = saturatedAdd(samples, count(m.group(1)));
            } else if (m.group(6) != null) {
                samples = saturatedAdd(samples, saturatedAdd(count(m.group(6)), 1));
            } else {
                samples = saturatedAdd(samples, 1);
            }
        }
        return new Result(samples, null, null);
    }

    // a repeat count past int's range only says "longer than any test needs"
    private static int count(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            return Integer.MAX_VALUE;
        }
    }

    private static int saturatedAdd(int a, int b) {
        long sum = (long) a + b;
        return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
    }
}
