package dev.brokerwatch.dsl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over a regular expression in the grammar of Go's regexp/syntax (Perl flags), for the rules in which
 * re2j, a port of an older Go parser, and Go 1.22+ disagree. re2j still judges everything else.
 *
 * <p>What Go does and re2j does not: a {@code )} without its {@code (} is "unexpected )" (re2j: an internal
 * error); nested counted repetitions may not multiply past 1000 ({@code (a{100}){100}}); the parse tree may not be
 * deeper than 1000 or larger than 128 MB of instructions; the same group name may be used twice; and the scripts
 * of Unicode 6.1 to 15.0 (Adlam, Kawi…) are known. The scan finds the first such rule that fires and rewrites
 * what re2j would wrongly reject (a repeated group name, a newer script) into something it judges the same way.
 *
 * <p>The scan follows Go's tokenizer; where it meets an ordinary syntax error it stops and leaves the verdict
 * to re2j, remembering where it stopped so that the offending fragment can be found in the pattern.
 */
final class GoRegexpScan {
    static final int MAX_REPEAT = 1000;
    static final int MAX_HEIGHT = 1000;
    /** Go's maxSize: 128 MB of 40-byte instructions. */
    static final long MAX_SIZE = (128L << 20) / 40;

    /** Scripts of Unicode 6.1 to 15.0: in Go 1.21+'s tables (Unicode 15.0.0), not in re2j 1.8's (Unicode 6.0). */
    static final Set<String> SCRIPTS_ONLY_GO_KNOWS = Set.of(
            "Chakma", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Sharada", "Sora_Sompeng", "Takri",
            "Bassa_Vah", "Caucasian_Albanian", "Duployan", "Elbasan", "Grantha", "Khojki", "Khudawadi", "Linear_A",
            "Mahajani", "Manichaean", "Mende_Kikakui", "Modi", "Mro", "Nabataean", "Old_North_Arabian", "Old_Permic",
            "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Psalter_Pahlavi", "Siddham", "Tirhuta", "Warang_Citi",
            "Ahom", "Anatolian_Hieroglyphs", "Hatran", "Multani", "Old_Hungarian", "SignWriting",
            "Adlam", "Bhaiksuki", "Marchen", "Newa", "Osage", "Tangut",
            "Masaram_Gondi", "Nushu", "Soyombo", "Zanabazar_Square",
            "Dogra", "Gunjala_Gondi", "Hanifi_Rohingya", "Makasar", "Medefaidrin", "Old_Sogdian", "Sogdian",
            "Elymaic", "Nandinagari", "Nyiakeng_Puachue_Hmong", "Wancho",
            "Chorasmian", "Dives_Akuru", "Khitan_Small_Script", "Yezidi",
            "Cypro_Minoan", "Old_Uyghur", "Tangsa", "Toto", "Vithkuqi",
            "Kawi", "Nag_Mundari");

    /**
     * A Go rule that fired at {@code at}; {@code expr} is the fragment Go names, null when it names the whole
     * pattern; {@code re2jPrefix} is the pattern before it with its {@code depth} open groups closed.
     */
    record Finding(String code, int at, String expr, String re2jPrefix, int depth) {
    }

    /**
     * @param re2jInput the pattern as re2j should see it
     * @param finding   the first Go-only rule that fired, or null
     * @param stoppedAt where the scan met an ordinary syntax error, or -1
     */
    record Result(String re2jInput, Finding finding, int stoppedAt) {
    }

    private enum Kind { LITERAL, ATOM, CAPTURE, GROUP, STAR, PLUS, QUEST, REPEAT }

    /** A node of the parse tree, as far as Go's limits need it. */
    private record Node(Kind kind, int min, int max, List<Node> subs, int height, long size) {
        static Node leaf(Kind kind) {
            return new Node(kind, 0, 0, List.of(), 1, 1);
        }
    }

    /** An open group: its alternatives, the last one being the one being read. */
    private static final class Frame {
        final boolean capture;
        final List<List<Node>> branches = new ArrayList<>();

        Frame(boolean capture) {
            this.capture = capture;
            branches.add(new ArrayList<>());
        }

        List<Node> branch() {
            return branches.get(branches.size() - 1);
        }
    }

    private final String s;
    private final int n;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Set<String> names = new HashSet<>();
    private final List<int[]> rewrites = new ArrayList<>();
    private final List<String> rewriteTexts = new ArrayList<>();
    private int i;
    /** Go's numRegexp and the product of all counted repetitions: Go measures sizes only once these are large. */
    private long nodes;
    private long repeatProduct = 1;
    private boolean measuring;

    private GoRegexpScan(String regex) {
        this.s = regex;
        this.n = regex.length();
    }

    static Result scan(String regex) {
        return new GoRegexpScan(regex).run();
    }

    private Result run() {
        frames.push(new Frame(false));
        int lastRepeat = -1;
        while (i < n) {
            int start = i;
            char c = s.charAt(i);
            boolean repeat = false;
            switch (c) {
                case '(' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '?') {
                        if (!perlGroup()) {
                            return stop(start);
                        }
                    } else {
                        frames.push(new Frame(true));
                        i++;
                    }
                }
                case '|' -> {
                    frames.peek().branches.add(new ArrayList<>());
                    i++;
                }
                case ')' -> {
                    if (frames.size() == 1) {
                        return found(new Finding("unexpected )", start, null, rewritten(start), 0));
                    }
                    Frame f = frames.pop();
                    Node group = close(f);
                    Finding limit = limits(group, start, frames.size());
                    if (limit != null) {
                        return found(limit);
                    }
                    frames.peek().branch().add(group);
                    i++;
                }
                case '^', '$', '.' -> {
                    add(Node.leaf(Kind.ATOM));
                    i++;
                }
                case '[' -> {
                    int end = charClass(i);
                    if (end < 0) {
                        return stop(start);
                    }
                    add(Node.leaf(Kind.ATOM));
                    i = end;
                }
                case '*', '+', '?' -> {
                    i++;
                    Kind kind = c == '*' ? Kind.STAR : c == '+' ? Kind.PLUS : Kind.QUEST;
                    Repetition outcome = repeat(kind, 0, 0, start, lastRepeat);
                    if (outcome.finding() != null) {
                        return found(outcome.finding());
                    }
                    if (outcome.syntaxErrorAt() >= 0) {
                        return stop(outcome.syntaxErrorAt());
                    }
                    repeat = true;
                }
                case '{' -> {
                    int[] counts = counts(i);
                    if (counts == null) {
                        add(Node.leaf(Kind.LITERAL));
                        i++;
                    } else {
                        int min = counts[0];
                        int max = counts[1];
                        i = counts[2];
                        if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
                            return stop(start);
                        }
                        Repetition outcome = repeat(Kind.REPEAT, min, max, start, lastRepeat);
                        if (outcome.finding() != null) {
                            return found(outcome.finding());
                        }
                        if (outcome.syntaxErrorAt() >= 0) {
                            return stop(outcome.syntaxErrorAt());
                        }
                        repeat = true;
                    }
                }
                case '\\' -> {
                    if (!escapeOutsideClass()) {
                        return stop(start);
                    }
                }
                default -> {
                    add(Node.leaf(Kind.LITERAL));
                    i += Character.charCount(s.codePointAt(i));
                }
            }
            lastRepeat = repeat ? start : -1;
        }
        if (frames.size() == 1) {
            Node whole = close(frames.pop());
            Finding limit = limits(whole, n, 0);
            if (limit != null) {
                return found(limit);
            }
        }
        return new Result(rewritten(n), null, -1);
    }

    private Result stop(int at) {
        return new Result(rewritten(n), null, at);
    }

    private Result found(Finding finding) {
        return new Result(rewritten(n), finding, -1);
    }

    private void add(Node node) {
        List<Node> branch = frames.peek().branch();
        boolean merged = node.kind() == Kind.LITERAL && !branch.isEmpty()
                && branch.get(branch.size() - 1).kind() == Kind.LITERAL;
        if (!merged) {
            nodes++;
        }
        branch.add(node);
    }

    /** {@code (?P<name>}, {@code (?<name>}, {@code (?flags)} or {@code (?flags:}; false on a syntax error. */
    private boolean perlGroup() {
        boolean startsWithP = n - i > 4 && s.charAt(i + 2) == 'P' && s.charAt(i + 3) == '<';
        boolean startsWithName = n - i > 3 && s.charAt(i + 2) == '<';
        if (startsWithP || startsWithName) {
            int end = s.indexOf('>', i);
            if (end < 0) {
                return false;
            }
            String name = s.substring(i + (startsWithP ? 4 : 3), end);
            if (!validCaptureName(name)) {
                return false;
            }
            if (!names.add(name)) {
                // Go allows a name twice (SubexpIndex answers the leftmost); re2j does not
                rewrite(i, end + 1, "(");
            }
            frames.push(new Frame(true));
            i = end + 1;
            return true;
        }
        int j = i + 2;
        boolean negated = false;
        boolean sawFlag = false;
        while (j < n) {
            char f = s.charAt(j++);
            switch (f) {
                case 'i', 'm', 's', 'U' -> sawFlag = true;
                case '-' -> {
                    if (negated) {
                        return false;
                    }
                    negated = true;
                    sawFlag = false;
                }
                case ':', ')' -> {
                    if (negated && !sawFlag) {
                        return false;
                    }
                    if (f == ':') {
                        frames.push(new Frame(false));
                    }
                    i = j;
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean validCaptureName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c != '_' && !isAlnum(c)) {
                return false;
            }
        }
        return true;
    }

    /** What applying a repetition gave: fine, a Go-only rule that fired, or where an ordinary syntax error is. */
    private record Repetition(Finding finding, int syntaxErrorAt) {
        static final Repetition FINE = new Repetition(null, -1);
    }

    /** Applies a repetition operator, which ends at {@code i}, to the last node of the current alternative. */
    private Repetition repeat(Kind kind, int min, int max, int start, int lastRepeat) {
        if (i < n && s.charAt(i) == '?') {
            i++;
        }
        if (lastRepeat >= 0) {
            return new Repetition(null, lastRepeat); // a** or a++: "invalid nested repetition operator"
        }
        List<Node> branch = frames.peek().branch();
        if (branch.isEmpty()) {
            return new Repetition(null, start); // "missing argument to repetition operator"
        }
        Node sub = branch.remove(branch.size() - 1);
        Node node = repeated(kind, min, max, sub);
        Finding limit = limits(node, start, frames.size() - 1);
        if (limit != null) {
            return new Repetition(limit, -1);
        }
        if (kind == Kind.REPEAT && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
            int depth = frames.size() - 1;
            return new Repetition(new Finding("invalid repeat count", start, s.substring(start, i),
                    rewritten(start) + ")".repeat(depth), depth), -1);
        }
        branch.add(node);
        return Repetition.FINE;
    }

    private static Node repeated(Kind kind, int min, int max, Node sub) {
        long size = switch (kind) {
            case STAR -> 2 + sub.size();
            case PLUS, QUEST -> 1 + sub.size();
            default -> max == -1
                    ? (min == 0 ? 2 + sub.size() : 1 + times(min, sub.size()))
                    : times(max, sub.size()) + (max - min);
        };
        return new Node(kind, min, max, List.of(sub), sub.height() + 1, Math.max(1, capped(size)));
    }

    /** Go's repeatIsValid: the product of nested counted repetitions may not exceed {@code limit}. */
    private static boolean repeatIsValid(Node node, int limit) {
        int left = limit;
        if (node.kind() == Kind.REPEAT) {
            int m = node.max();
            if (m == 0) {
                return true;
            }
            if (m < 0) {
                m = node.min();
            }
            if (m > left) {
                return false;
            }
            if (m > 0) {
                left /= m;
            }
        }
        for (Node sub : node.subs()) {
            if (!repeatIsValid(sub, left)) {
                return false;
            }
        }
        return true;
    }

    /** The group's node: a capture, or for (?:…) its content. */
    private static Node close(Frame f) {
        List<Node> subs = new ArrayList<>();
        int height = 0;
        long size = 0;
        for (List<Node> branch : f.branches) {
            subs.addAll(branch);
            int branchHeight = concatHeight(branch);
            long branchSize = 0;
            for (Node node : branch) {
                branchSize = capped(branchSize + node.size());
            }
            height = Math.max(height, branchHeight);
            size = capped(size + Math.max(1, branchSize));
        }
        if (f.branches.size() > 1) {
            height++;
            size = capped(size + f.branches.size() - 1);
        }
        if (f.capture) {
            return new Node(Kind.CAPTURE, 0, 0, subs, height + 1, capped(size + 2));
        }
        return new Node(Kind.GROUP, 0, 0, subs, height, size);
    }

    /** Height of a concatenation: adjacent literals are one node in Go's tree, one item is no concatenation. */
    private static int concatHeight(List<Node> items) {
        int count = 0;
        int max = 1;
        Node previous = null;
        for (Node node : items) {
            if (!(node.kind() == Kind.LITERAL && previous != null && previous.kind() == Kind.LITERAL)) {
                count++;
            }
            max = Math.max(max, node.height());
            previous = node;
        }
        return count <= 1 ? max : max + 1;
    }

    /** Go's checkLimits; {@code depth} is the number of groups open at {@code at}, closed for re2j's look at the prefix. */
    private Finding limits(Node node, int at, int depth) {
        nodes++;
        if (node.kind() == Kind.REPEAT) {
            long m = node.max() == -1 ? node.min() : node.max();
            repeatProduct = Math.min(MAX_SIZE, repeatProduct * Math.max(1, m));
        }
        measuring |= nodes >= MAX_SIZE / repeatProduct;
        String code = measuring && node.size() > MAX_SIZE ? "expression too large"
                : node.height() > MAX_HEIGHT ? "expression nests too deeply" : null;
        return code == null ? null : new Finding(code, at, null, rewritten(at) + ")".repeat(depth), depth);
    }

    private static long times(long a, long b) {
        return b != 0 && a > (MAX_SIZE + 1) / b ? MAX_SIZE + 1 : a * b;
    }

    private static long capped(long size) {
        return Math.min(size, MAX_SIZE + 1);
    }

    /** Go's parseRepeat: {min}, {min,} or {min,max}, as {min, max (-1 open), end}; null when { is a literal. */
    private int[] counts(int at) {
        int j = at + 1;
        int[] min = integer(j);
        if (min == null) {
            return null;
        }
        j = min[1];
        if (j >= n) {
            return null;
        }
        int max;
        int minValue = min[0];
        if (s.charAt(j) != ',') {
            max = minValue;
        } else {
            j++;
            if (j >= n) {
                return null;
            }
            if (s.charAt(j) == '}') {
                max = -1;
            } else {
                int[] parsed = integer(j);
                if (parsed == null) {
                    return null;
                }
                j = parsed[1];
                max = parsed[0];
                if (max < 0) {
                    minValue = -1;
                }
            }
        }
        if (j >= n || s.charAt(j) != '}') {
            return null;
        }
        return new int[] {minValue, max, j + 1};
    }

    /** A decimal without leading zeros, as {value (-1 when too big), end}; null when there is none. */
    private int[] integer(int at) {
        if (at >= n || !isDigit(s.charAt(at))) {
            return null;
        }
        if (at + 1 < n && s.charAt(at) == '0' && isDigit(s.charAt(at + 1))) {
            return null;
        }
        int j = at;
        int value = 0;
        while (j < n && isDigit(s.charAt(j))) {
            if (value >= 100_000_000) {
                value = -1;
            } else if (value >= 0) {
                value = value * 10 + (s.charAt(j) - '0');
            }
            j++;
        }
        return new int[] {value, j};
    }

    /** A backslash outside a character class; false on a syntax error. */
    private boolean escapeOutsideClass() {
        if (i + 1 >= n) {
            return false; // "trailing backslash at end of expression"
        }
        char e = s.charAt(i + 1);
        switch (e) {
            case 'A', 'b', 'B', 'z', 'd', 'D', 's', 'S', 'w', 'W' -> {
                add(Node.leaf(Kind.ATOM));
                i += 2;
                return true;
            }
            case 'C' -> {
                return false;
            }
            case 'Q' -> {
                int end = s.indexOf("\\E", i + 2);
                int stop = end < 0 ? n : end;
                for (int k = i + 2; k < stop; k += Character.charCount(s.codePointAt(k))) {
                    add(Node.leaf(Kind.LITERAL));
                }
                i = end < 0 ? n : end + 2;
                return true;
            }
            case 'p', 'P' -> {
                int end = unicodeClass(i);
                if (end < 0) {
                    return false;
                }
                add(Node.leaf(Kind.ATOM));
                i = end;
                return true;
            }
            default -> {
                int end = escape(i);
                if (end < 0) {
                    return false;
                }
                add(Node.leaf(Kind.LITERAL));
                i = end;
                return true;
            }
        }
    }

    /** Go's parseEscape: the end of a one-character escape at {@code at}, or -1 when Go rejects it. */
    private int escape(int at) {
        if (at + 1 >= n) {
            return -1;
        }
        int c = s.codePointAt(at + 1);
        int j = at + 1 + Character.charCount(c);
        if (c < 0x80 && !isAlnum((char) c)) {
            return j;
        }
        if (c >= '1' && c <= '7' && (j >= n || !isOctal(s.charAt(j)))) {
            return -1; // a backreference
        }
        if (c >= '0' && c <= '7') {
            for (int k = 1; k < 3 && j < n && isOctal(s.charAt(j)); k++) {
                j++;
            }
            return j;
        }
        if (c == 'x') {
            if (j >= n) {
                return -1;
            }
            if (s.charAt(j) == '{') {
                j++;
                int digits = 0;
                long value = 0;
                while (true) {
                    if (j >= n) {
                        return -1;
                    }
                    char h = s.charAt(j++);
                    if (h == '}') {
                        break;
                    }
                    int v = Character.digit(h, 16);
                    if (v < 0 || h > 'f') {
                        return -1;
                    }
                    value = value * 16 + v;
                    if (value > Character.MAX_CODE_POINT) {
                        return -1;
                    }
                    digits++;
                }
                return digits == 0 ? -1 : j;
            }
            if (j + 1 >= n || Character.digit(s.charAt(j), 16) < 0 || Character.digit(s.charAt(j + 1), 16) < 0
                    || s.charAt(j) > 'f' || s.charAt(j + 1) > 'f') {
                return -1;
            }
            return j + 2;
        }
        return "afnrtv".indexOf(c) >= 0 ? j : -1;
    }

    /** {@code \pL}, {@code \p{Name}}, {@code \P{^Name}}: its end, or -1 when it is malformed. */
    private int unicodeClass(int at) {
        int j = at + 2;
        if (j >= n) {
            return -1;
        }
        int nameStart;
        int nameEnd;
        int end;
        if (s.charAt(j) != '{') {
            nameStart = j;
            nameEnd = j + Character.charCount(s.codePointAt(j));
            end = nameEnd;
        } else {
            int close = s.indexOf('}', j);
            if (close < 0) {
                return -1;
            }
            nameStart = j + 1;
            nameEnd = close;
            end = close + 1;
        }
        String name = s.substring(nameStart, nameEnd);
        boolean negated = name.startsWith("^");
        if (negated) {
            name = name.substring(1);
        }
        if (SCRIPTS_ONLY_GO_KNOWS.contains(name)) {
            // any script re2j knows is judged the same way: a class of one script
            rewrite(at, end, s.substring(at, at + 2) + (negated ? "{^Greek}" : "{Greek}"));
        }
        return end;
    }

    /** Go's parseClass: the end of the class starting at {@code at} (after its ]), or -1 when it has no ]. */
    private int charClass(int at) {
        int j = at + 1;
        if (j < n && s.charAt(j) == '^') {
            j++;
        }
        boolean first = true;
        while (j >= n || s.charAt(j) != ']' || first) {
            if (j >= n) {
                return -1;
            }
            first = false;
            if (n - j > 2 && s.charAt(j) == '[' && s.charAt(j + 1) == ':') {
                int close = s.indexOf(":]", j + 2);
                if (close >= 0) {
                    j = close + 2; // a POSIX class; re2j judges its name
                    continue;
                }
            }
            if (n - j >= 2 && s.charAt(j) == '\\' && (s.charAt(j + 1) == 'p' || s.charAt(j + 1) == 'P')) {
                j = unicodeClass(j);
                if (j < 0) {
                    return -1;
                }
                continue;
            }
            if (n - j >= 2 && s.charAt(j) == '\\' && "dDsSwW".indexOf(s.charAt(j + 1)) >= 0) {
                j += 2;
                continue;
            }
            j = classChar(j);
            if (j < 0) {
                return -1;
            }
            if (n - j >= 2 && s.charAt(j) == '-' && s.charAt(j + 1) != ']') {
                j = classChar(j + 1);
                if (j < 0) {
                    return -1;
                }
            }
        }
        return j + 1;
    }

    private int classChar(int at) {
        if (at >= n) {
            return -1;
        }
        if (s.charAt(at) == '\\') {
            return escape(at);
        }
        return at + Character.charCount(s.codePointAt(at));
    }

    private void rewrite(int from, int to, String text) {
        rewrites.add(new int[] {from, to});
        rewriteTexts.add(text);
    }

    /** The pattern up to {@code upTo}, with the rewrites for re2j applied. */
    private String rewritten(int upTo) {
        StringBuilder out = new StringBuilder(upTo);
        int at = 0;
        for (int k = 0; k < rewrites.size(); k++) {
            int[] r = rewrites.get(k);
            if (r[1] > upTo) {
                break;
            }
            out.append(s, at, r[0]).append(rewriteTexts.get(k));
            at = r[1];
        }
        return out.append(s, at, upTo).toString();
    }

    private static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
