package dev.brokerwatch.compiler.audit.inventory;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The MBeans of one Kafka node, recorded from a live JVM: for each generalized ObjectName its kind, instance count,
 * example and attributes. Written as a line-oriented text file (gzip-compressed when the file name ends in
 * {@code .gz}; read back either way, by its content), sorted, so that a re-recording diffs cleanly:
 * <pre>
 * inventory 1
 * kafka 4.1.2
 * role broker
 * mbean kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic={topic}
 *   kind yammer-meter
 *   instances 3
 *   example topic=orders
 *   attribute Count long java.lang.Long
 *   attribute HeapMemoryUsage javax.management.openmbean.CompositeData javax.management.openmbean.CompositeDataSupport
 *     item used long java.lang.Long
 * </pre>
 * A text value's example follows its value type after {@code =}, escaped as in Java (backslash, newline).
 */
public record MBeanInventory(String kafkaVersion, String role, List<InventoryMBean> mbeans) {
    public static final int FORMAT = 1;

    public MBeanInventory {
        List<InventoryMBean> sorted = new ArrayList<>(mbeans);
        sorted.sort(Comparator.comparing(InventoryMBean::generalizedName));
        mbeans = List.copyOf(sorted);
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("# MBean inventory of one Kafka node; re-record it as docs/audit-inventories.md says\n");
        out.append("inventory ").append(FORMAT).append('\n');
        out.append("kafka ").append(kafkaVersion).append('\n');
        out.append("role ").append(role).append('\n');
        for (InventoryMBean m : mbeans) {
            out.append("mbean ").append(m.generalizedName()).append('\n');
            out.append("  kind ").append(m.kind().word()).append('\n');
            out.append("  instances ").append(m.instances()).append('\n');
            if (!m.example().isEmpty()) {
                StringBuilder ex = new StringBuilder();
                for (Map.Entry<String, String> e : new TreeMap<>(m.example()).entrySet()) {
                    ex.append(ex.length() == 0 ? "" : "\t").append(e.getKey()).append('=').append(escape(e.getValue()));
                }
                out.append("  example ").append(ex).append('\n');
            }
            for (InventoryAttribute a : m.attributes()) {
                writeAttribute(out, "  attribute ", a);
            }
        }
        return out.toString();
    }

    private static void writeAttribute(StringBuilder out, String prefix, InventoryAttribute a) {
        out.append(prefix).append(a.name()).append(' ').append(a.declaredType()).append(' ').append(a.valueType());
        if (a.example() != null) {
            out.append(" =").append(escape(a.example()));
        }
        out.append('\n');
        String indent = prefix.substring(0, prefix.indexOf(prefix.strip())) + "  ";
        for (InventoryAttribute item : a.items()) {
            writeAttribute(out, indent + "item ", item);
        }
    }

    public void write(Path file) throws IOException {
        byte[] bytes = toText().getBytes(StandardCharsets.UTF_8);
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
    }

    /** Reads a file {@link #write} wrote, gzip-compressed or not whatever its name: a renamed or unpacked copy reads too. */
    public static MBeanInventory read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(isGzip(in) ? new GZIPInputStream(in) : in, file.toString());
        }
    }

    /** Whether the stream starts with gzip's magic bytes; the stream is left where it was. */
    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** Reads the text form; a malformed line is an {@link InventoryFormatException} naming the line. */
    public static MBeanInventory read(InputStream in, String displayName) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String version = null;
        String role = null;
        List<InventoryMBean> mbeans = new ArrayList<>();
        MBeanBuilder current = null;
        List<List<InventoryAttribute>> itemStack = new ArrayList<>();
        List<AttributeBuilder> attributeStack = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header && !line.startsWith("inventory ")) {
                // say so at once: any other file would fail on some later line with a less useful message
                throw new InventoryFormatException(displayName, lineNo, "not a brokerwatch MBean inventory: it starts with '"
                        + excerpt(line) + "' where an inventory starts with 'inventory " + FORMAT + "'");
            }
            header = true;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String body = line.substring(indent);
            int space = body.indexOf(' ');
            String word = space < 0 ? body : body.substring(0, space);
            String rest = space < 0 ? "" : body.substring(space + 1);
            try {
                switch (word) {
                    case "inventory" -> {
                        if (!rest.equals(String.valueOf(FORMAT))) {
                            throw new InventoryFormatException(displayName, lineNo, "unknown inventory format " + rest + " (this brokerwatch reads " + FORMAT + ")");
                        }
                    }
                    case "kafka" -> version = rest;
                    case "role" -> role = rest;
                    case "mbean" -> {
                        if (current != null) {
                            mbeans.add(current.build(attributeStack));
                        }
                        current = new MBeanBuilder(rest);
                        attributeStack.clear();
                    }
                    case "kind" -> need(current, displayName, lineNo).kind = MBeanKind.ofWord(rest);
                    case "instances" -> need(current, displayName, lineNo).instances = Integer.parseInt(rest);
                    case "example" -> {
                        for (String pair : rest.split("\t")) {
                            int eq = pair.indexOf('=');
                            need(current, displayName, lineNo).example.put(pair.substring(0, eq), unescape(pair.substring(eq + 1)));
                        }
                    }
                    case "attribute", "item" -> {
                        MBeanBuilder m = need(current, displayName, lineNo);
                        int depth = indent / 2 - 1; // attribute at 2 spaces, its items at 4, theirs at 6
                        AttributeBuilder a = AttributeBuilder.parse(rest);
                        while (attributeStack.size() > depth) {
                            attributeStack.remove(attributeStack.size() - 1);
                        }
                        if (depth == 0) {
                            if (!word.equals("attribute")) {
                                throw new InventoryFormatException(displayName, lineNo, "an item outside an attribute");
                            }
                            m.attributes.add(a);
                        } else {
                            if (attributeStack.size() < depth) {
                                throw new InventoryFormatException(displayName, lineNo, "an item indented deeper than its attribute");
                            }
                            attributeStack.get(depth - 1).items.add(a);
                        }
                        attributeStack.add(a);
                    }
                    default -> throw new InventoryFormatException(displayName, lineNo, "unknown line '" + word + "'");
                }
            } catch (RuntimeException e) {
                if (e instanceof InventoryFormatException f) {
                    throw f;
                }
                throw new InventoryFormatException(displayName, lineNo, e.getMessage());
            }
        }
        if (!header) {
            throw new InventoryFormatException(displayName, lineNo, "not a brokerwatch MBean inventory: it is empty");
        }
        if (current != null) {
            mbeans.add(current.build(attributeStack));
        }
        if (version == null || role == null) {
            throw new InventoryFormatException(displayName, lineNo, "no 'kafka' or 'role' line: this is not a brokerwatch MBean inventory");
        }
        return new MBeanInventory(version, role, mbeans);
    }

    /** The start of a line for a message: short, and printable even when the file is binary. */
    private static String excerpt(String line) {
        String printable = line.codePoints().limit(40)
                .map(c -> Character.isISOControl(c) || c == 0xFFFD ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.codePointCount(0, line.length()) > 40 ? printable + "..." : printable;
    }

    private static MBeanBuilder need(MBeanBuilder m, String file, int line) {
        if (m == null) {
            throw new InventoryFormatException(file, line, "a property before the first 'mbean' line");
        }
        return m;
    }

    private static final class MBeanBuilder {
        final String domain;
        final LinkedHashMap<String, String> keys;
        MBeanKind kind = MBeanKind.OTHER;
        int instances = 1;
        final Map<String, String> example = new TreeMap<>();
        final List<AttributeBuilder> attributes = new ArrayList<>();

        MBeanBuilder(String name) {
            int colon = name.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + name + "' is not an ObjectName (no ':')");
            }
            domain = name.substring(0, colon);
            keys = KeyProperties.parse(name.substring(colon + 1));
        }

        InventoryMBean build(List<AttributeBuilder> unused) {
            return new InventoryMBean(domain, keys, example, kind, instances, attributes.stream().map(AttributeBuilder::build).toList());
        }
    }

    private static final class AttributeBuilder {
        String name;
        String declared;
        String valueType;
        String example;
        final List<AttributeBuilder> items = new ArrayList<>();

        static AttributeBuilder parse(String rest) {
            AttributeBuilder a = new AttributeBuilder();
            int eq = rest.indexOf(" =");
            if (eq >= 0) {
                a.example = unescape(rest.substring(eq + 2));
                rest = rest.substring(0, eq);
            }
            String[] parts = rest.split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("an attribute needs a name, a declared type and a value type: '" + rest + "'");
            }
            a.name = parts[0];
            a.declared = parts[1];
            a.valueType = parts[2];
            return a;
        }

        InventoryAttribute build() {
            return new InventoryAttribute(name, declared, valueType, example, items.stream().map(AttributeBuilder::build).toList());
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Never null: reading one. */
    public static MBeanInventory readUnchecked(InputStream in, String name) {
        try {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
