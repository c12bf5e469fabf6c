package dev.brokerwatch.dsl.catalog;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Damerau-Levenshtein distance, bounded by length). */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static Optional<String> suggest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        for (String candidate : known) {
            if (Math.abs(candidate.length() - wrong.length()) > limit) {
                continue;
            }
            int d = distance(wrong, candidate);
            if (d < bestDistance || (d == bestDistance && best != null && prefers(wrong, candidate, best))) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > limit) {
            // a name that only lacks a suffix is still worth suggesting (isrshrinks -> isrshrinks_total)
            for (String candidate : known) {
                if (candidate.startsWith(wrong) && candidate.length() - wrong.length() <= 8
                        && (best == null || bestDistance > limit || candidate.compareTo(best) < 0)) {
                    best = candidate;
                    bestDistance = 0;
                }
            }
            if (bestDistance > limit) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(best);
    }

    // on a tie, a name that starts like the wrong one wins (rat -> rate, not rad), then the alphabet decides
    private static boolean prefers(String wrong, String candidate, String best) {
        boolean c = candidate.startsWith(wrong);
        boolean b = best.startsWith(wrong);
        return c != b ? c : candidate.compareTo(best) < 0;
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
