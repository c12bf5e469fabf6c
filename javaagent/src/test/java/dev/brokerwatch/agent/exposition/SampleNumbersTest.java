package dev.brokerwatch.agent.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers must come out exactly as the client library's writers print them, on the JDK running. */
class SampleNumbersTest {
  private static final long TWO_TO_THE_53 = 1L << 53;

  @Test
  void wholeNumbersLookLikeDoubleToString() {
    double[] values = {
      1, 7, 10, 4096, 99_999, 1_638_400, 9_999_999, 10_000_000, 10_000_005, 16_384_000, 123_456_789,
      100_000_000_000L, 4_503_599_627_370_496L, TWO_TO_THE_53 - 1, 1e15, 2e7, -1, -10_000_000, -(TWO_TO_THE_53 - 1)
    };
    for (double value : values) {
      assertThat(text(value)).as("%s", Double.toString(value)).isEqualTo(Double.toString(value));
    }
  }

  @Test
  void randomWholeNumbersOfEveryMagnitudeLookLikeDoubleToString() {
    SplittableRandom random = new SplittableRandom(20261124L);
    for (int i = 0; i < 200_000; i++) {
      long bound = 1L << (1 + random.nextInt(53));
      long whole = random.nextLong(bound);
      if (random.nextInt(10) == 0) {
        whole -= whole % 1000;
      }
      double value = random.nextBoolean() ? whole : -whole;
      assertThat(text(value)).as("%s", Double.toString(value)).isEqualTo(Double.toString(value));
    }
  }

  @Test
  void anyOtherDoubleLooksLikeDoubleToString() {
    SplittableRandom random = new SplittableRandom(42L);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isInfinite(value)) {
        continue;
      }
      assertThat(text(value)).as("bits %x", Double.doubleToRawLongBits(value)).isEqualTo(Double.toString(value));
    }
    for (double value : new double[] {0.1, 0.25, 1.0 / 3, 1e-3, 9.99e-4, 1e-300, 4.9e-324, 1e300, 1e22, 1e23,
        9007199254740993.0, 1.8446744073709552E19, Long.MAX_VALUE, 1.100000023841858, Double.MAX_VALUE}) {
      assertThat(text(value)).isEqualTo(Double.toString(value));
      assertThat(text(-value)).isEqualTo(Double.toString(-value));
    }
  }

  @Test
  void specialValuesUseThePrometheusSpelling() {
    assertThat(text(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(text(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(text(Double.NaN)).isEqualTo("NaN");
    assertThat(text(0.0)).isEqualTo("0.0");
    assertThat(text(-0.0)).as("negative zero keeps its sign, as Double.toString does").isEqualTo("-0.0");
    assertThat(SampleNumbers.doubleText(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(SampleNumbers.doubleText(0.99)).isEqualTo("0.99");
  }

  @Test
  void longsArePlainDecimals() {
    for (long value : new long[] {0, 1, 9, 10, 1234, -5, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000L}) {
      ExpositionBuffer out = new ExpositionBuffer();
      SampleNumbers.appendLong(out, value);
      assertThat(out.toUtf8String()).isEqualTo(Long.toString(value));
    }
  }

  private static String text(double value) {
    ExpositionBuffer out = new ExpositionBuffer();
    SampleNumbers.appendDouble(out, value);
    return out.toUtf8String();
  }
}
