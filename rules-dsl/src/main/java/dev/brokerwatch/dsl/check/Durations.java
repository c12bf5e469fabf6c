package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.DurationLit;
import dev.brokerwatch.dsl.ast.DurationRef;
import dev.brokerwatch.dsl.ast.ParamRef;
import dev.brokerwatch.dsl.resolve.ParamValue;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.OptionalLong;

/** The value of a duration written literally or through a duration parameter. */
final class Durations {
    private Durations() {
    }

    static OptionalLong millis(DurationRef ref, Params params) {
        if (ref instanceof DurationLit d) {
            return OptionalLong.of(d.millis());
        }
        if (ref instanceof ParamRef p) {
            var value = params.value(p.name());
            if (value.isPresent() && value.get() instanceof ParamValue.DurationValue d) {
                return OptionalLong.of(d.millis());
            }
        }
        return OptionalLong.empty();
    }
}
