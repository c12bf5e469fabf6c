package dev.brokerwatch.dsl.parse;

/** Prometheus duration syntax: one or more {@code <digits><unit>} parts, units ms s m h d w y, largest first. */
public final class Durations {
    private Durations() {
    }

    /** The value in milliseconds, or -1 when the text is not a valid Prometheus duration. */
    public static long parseMillis(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long total = 0;
        int i = 0;
        int lastRank = Integer.MAX_VALUE;
        while (i < text.length()) {
            int digitsStart = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digitsStart || i - digitsStart > 15) {
                return -1;
            }
            long amount = Long.parseLong(text.substring(digitsStart, i));
            long unit;
            int rank;
            if (text.startsWith("ms", i)) {
                unit = 1; rank = 0; i += 2;
            } else if (i < text.length()) {
                switch (text.charAt(i)) {
                    case 's': unit = 1000L; rank = 1; break;
                    case 'm': unit = 60_000L; rank = 2; break;
                    case 'h': unit = 3_600_000L; rank = 3; break;
                    case 'd': unit = 86_400_000L; rank = 4; break;
                    case 'w': unit = 604_800_000L; rank = 5; break;
                    case 'y': unit = 31_536_000_000L; rank = 6; break;
                    default: return -1;
                }
                i++;
            } else {
                return -1;
            }
            if (rank >= lastRank) {
                return -1; // Prometheus wants units from largest to smallest, each once
            }
            lastRank = rank;
            total += amount * unit;
        }
        return total;
    }

    /** The shortest Prometheus spelling of a duration, as Prometheus itself prints it (1h30m, 90s -> 1m30s). */
    public static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {31_536_000_000L, 604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        long rest = millis;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                out.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return out.toString();
    }
}
