package dev.brokerwatch.dsl.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages source text the way editing does: a span deleted, a token pasted from elsewhere, a span
 * duplicated, the file cut off, a keyword or name cut short. Every choice comes from the given
 * {@link Random}, so a seed names one mutant exactly.
 */
final class SourceMutator {
    /** Words, quoted strings, numbers with units, and single punctuation characters. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`|[A-Za-z_][A-Za-z0-9_:.-]*|[0-9][0-9a-zA-Z.]*|\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?|[^\\s]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]+");

    /** One mutant: the changed text and what was done, for a failure message. */
    record Mutant(String text, String description) {
    }

    private final List<String> tokenPool;

    /** {@code corpus}: texts whose tokens may be pasted into a mutant. */
    SourceMutator(List<String> corpus) {
        List<String> pool = new ArrayList<>();
        for (String text : corpus) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                pool.add(m.group());
            }
        }
        this.tokenPool = List.copyOf(pool);
    }

    Mutant mutate(String text, Random random) {
        if (text.isEmpty()) {
            return new Mutant(text, "empty file unchanged");
        }
        return switch (random.nextInt(6)) {
            case 0 -> deleteSpan(text, random);
            case 1 -> spliceToken(text, random);
            case 2 -> duplicateSpan(text, random);
            case 3 -> truncate(text, random);
            case 4 -> truncateWord(text, random);
            default -> replaceToken(text, random);
        };
    }

    private static Mutant deleteSpan(String text, Random random) {
        int start = random.nextInt(text.length());
        int end = Math.min(text.length(), start + 1 + random.nextInt(40));
        return new Mutant(text.substring(0, start) + text.substring(end),
                "deleted " + start + ".." + end + " " + quote(text.substring(start, end)));
    }

    private Mutant spliceToken(String text, Random random) {
        List<int[]> tokens = tokens(text, TOKEN);
        String token = tokenPool.get(random.nextInt(tokenPool.size()));
        int at = tokens.isEmpty() ? 0 : tokens.get(random.nextInt(tokens.size()))[random.nextBoolean() ? 0 : 1];
        String glue = random.nextBoolean() ? " " : "";
        return new Mutant(text.substring(0, at) + glue + token + glue + text.substring(at),
                "inserted " + quote(token) + " at " + at);
    }

    private static Mutant duplicateSpan(String text, Random random) {
        int start = random.nextInt(text.length());
        int end = Math.min(text.length(), start + 1 + random.nextInt(80));
        return new Mutant(text.substring(0, end) + text.substring(start, end) + text.substring(end),
                "duplicated " + start + ".." + end + " " + quote(text.substring(start, end)));
    }

    private static Mutant truncate(String text, Random random) {
        int at = random.nextInt(text.length());
        return new Mutant(text.substring(0, at), "truncated at " + at);
    }

    private static Mutant truncateWord(String text, Random random) {
        List<int[]> words = tokens(text, WORD);
        if (words.isEmpty()) {
            return truncate(text, random);
        }
        int[] word = words.get(random.nextInt(words.size()));
        int cut = word[0] + 1 + random.nextInt(word[1] - word[0] - 1);
        return new Mutant(text.substring(0, cut) + text.substring(word[1]),
                "cut " + quote(text.substring(word[0], word[1])) + " to " + quote(text.substring(word[0], cut)) + " at " + word[0]);
    }

    private Mutant replaceToken(String text, Random random) {
        List<int[]> tokens = tokens(text, TOKEN);
        if (tokens.isEmpty()) {
            return spliceToken(text, random);
        }
        int[] old = tokens.get(random.nextInt(tokens.size()));
        String token = tokenPool.get(random.nextInt(tokenPool.size()));
        return new Mutant(text.substring(0, old[0]) + token + text.substring(old[1]),
                "replaced " + quote(text.substring(old[0], old[1])) + " at " + old[0] + " by " + quote(token));
    }

    private static List<int[]> tokens(String text, Pattern pattern) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private static String quote(String s) {
        String shown = s.length() > 30 ? s.substring(0, 30) + "..." : s;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
