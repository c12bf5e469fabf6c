package dev.brokerwatch.agent.exposition;

/**
 * Numbers as the client library's text writers print them: a double as {@link Double#toString}
 * prints it, except {@code +Inf} and {@code -Inf}; a long (a summary's count) in plain decimal.
 *
 * <p>Most values a broker reports are whole numbers (bytes, offsets, counts). A whole double below
 * 2^53 is written digit by digit without a String: {@code 4096.0} below 10^7, {@code 1.6384E7} from
 * 10^7 on. Such a double is exactly that integer and no decimal with fewer digits rounds to it, so
 * the old and the new (JDK 19+) Double.toString algorithms both print exactly these digits. Every
 * other value goes through Double.toString itself, so the output matches the library's on
 * whatever JDK the broker runs.
 */
public final class SampleNumbers {
  private static final double TWO_TO_THE_53 = 9007199254740992.0;
  /** Double.toString switches to E notation from here on. */
  private static final long PLAIN_NOTATION_LIMIT = 10_000_000L;
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private SampleNumbers() {}

  /** The text the library writes for {@code value}, for texts computed once (quantile labels). */
  public static String doubleText(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return Double.toString(value);
  }

  public static void appendDouble(ExpositionBuffer out, double value) {
    if (value == Double.POSITIVE_INFINITY) {
      out.appendAscii("+Inf");
      return;
    }
    if (value == Double.NEGATIVE_INFINITY) {
      out.appendAscii("-Inf");
      return;
    }
    long whole = (long) value;
    if (whole == value && Math.abs(value) < TWO_TO_THE_53) {
      if (whole == 0) {
        out.appendAscii(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
        return;
      }
      if (whole < 0) {
        out.append((byte) '-');
        whole = -whole;
      }
      appendWholeNumber(out, whole);
      return;
    }
    out.appendAscii(Double.toString(value));
  }

  public static void appendLong(ExpositionBuffer out, long value) {
    if (value == Long.MIN_VALUE) {
      out.appendAscii("-9223372036854775808");
      return;
    }
    long magnitude = value;
    if (value < 0) {
      out.append((byte) '-');
      magnitude = -value;
    }
    appendDigits(out, magnitude, digitCount(magnitude));
  }

  /** {@code 4096.0}, {@code 1.6384E7}: a positive whole number below 2^53 as Double.toString prints it. */
  private static void appendWholeNumber(ExpositionBuffer out, long number) {
    int digits = digitCount(number);
    if (number < PLAIN_NOTATION_LIMIT) {
      appendDigits(out, number, digits);
      out.append((byte) '.');
      out.append((byte) '0');
      return;
    }
    long significand = number;
    int significantDigits = digits;
    while (significand % 10 == 0) {
      significand /= 10;
      significantDigits--;
    }
    long leadingPower = POWERS_OF_TEN[significantDigits - 1];
    out.append((byte) ('0' + significand / leadingPower));
    out.append((byte) '.');
    if (significantDigits == 1) {
      out.append((byte) '0');
    } else {
      appendDigits(out, significand % leadingPower, significantDigits - 1);
    }
    out.append((byte) 'E');
    appendDigits(out, digits - 1, digitCount(digits - 1));
  }

  /** Exactly {@code digits} digits of a non-negative {@code value}, with leading zeros if needed. */
  private static void appendDigits(ExpositionBuffer out, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out.append((byte) ('0' + (value / POWERS_OF_TEN[i]) % 10));
    }
  }

  private static int digitCount(long nonNegative) {
    int count = 1;
    while (count < POWERS_OF_TEN.length && nonNegative >= POWERS_OF_TEN[count]) {
      count++;
    }
    return count;
  }
}
