package dev.brokerwatch.agent.mapping;

import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Reads the line-based agent mapping format (docs/agent-mapping-format.md, version 1). Every
 * problem is reported as a {@link MappingException} naming the file and the line, so that a broken
 * mapping stops the agent with one clear line.
 *
 * <p>Reading happens once at start-up, so this class favours clear messages over speed.
 */
public final class MappingReader {
  private static final String HEADER_KEYWORD = "brokerwatch-mapping";
  private static final String SUPPORTED_VERSION = "1";
  private static final String HEADER_LINE = HEADER_KEYWORD + " " + SUPPORTED_VERSION;
  private static final String COUNTER_SUFFIX = "_total";
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern WHITESPACE = Pattern.compile("[ \t]+");
  private static final String VALUE_LABEL_SAMPLE = "the samples of a value label are always 1";

  private final String sourceName;
  private int headerLine;
  private String mappingName;
  private int nameLine;
  private final List<MetricDraft> metrics = new ArrayList<>();
  private final Map<String, MetricDraft> metricsByName = new HashMap<>();
  private final Map<String, MetricDraft> exposedNames = new HashMap<>();
  private MetricDraft metric;
  private JmxDraft jmx;

  private MappingReader(String sourceName) {
    this.sourceName = sourceName;
  }

  /** Reads a mapping file; the path as given names it in error messages. */
  public static Mapping read(Path file) throws MappingException, IOException {
    return parse(file.toString(), Files.readAllBytes(file));
  }

  /** Parses mapping bytes; {@code sourceName} names them in error messages. */
  public static Mapping parse(String sourceName, byte[] content) throws MappingException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MappingException(sourceName, 1, "the file is not valid UTF-8");
    }
    MappingReader reader = new MappingReader(sourceName);
    List<MetricMapping> metrics = reader.readAll(text);
    return new Mapping(reader.mappingName(), sourceName, sha256Hex(content), metrics);
  }

  private List<MetricMapping> readAll(String text) throws MappingException {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      readLine(i + 1, line);
    }
    if (headerLine == 0) {
      throw problem(1, "expected '" + HEADER_LINE + "' as the first line, found end of file");
    }
    finishMetric();
    List<MetricMapping> result = new ArrayList<>(metrics.size());
    for (MetricDraft draft : metrics) {
      result.add(draft.build());
    }
    return result;
  }

  private void readLine(int number, String raw) throws MappingException {
    String line = stripTrailing(stripLeading(raw));
    if (line.isEmpty() || line.charAt(0) == '#') {
      return;
    }
    int split = indexOfWhitespace(line);
    String keyword = split < 0 ? line : line.substring(0, split);
    String rest = split < 0 ? "" : stripLeading(line.substring(split));
    if (headerLine == 0 && !keyword.equals(HEADER_KEYWORD)) {
      throw problem(number, "expected '" + HEADER_LINE + "' as the first line, found '" + keyword + "'");
    }
    switch (keyword) {
      case HEADER_KEYWORD:
        readHeader(number, rest);
        break;
      case "name":
        readName(number, rest);
        break;
      case "metric":
        readMetric(number, rest);
        break;
      case "help":
        readHelp(number, rest);
        break;
      case "jmx":
        readJmx(number, rest);
        break;
      case "attribute":
        readAttribute(number, rest);
        break;
      case "quantile":
        readQuantile(number, rest);
        break;
      case "count":
        readCount(number, rest);
        break;
      case "sum-from-mean":
        readSumFromMean(number, rest);
        break;
      case "scale":
        readScale(number, rest);
        break;
      case "label":
        readLabel(number, rest);
        break;
      case "const":
        readConst(number, rest);
        break;
      case "value-label":
        readValueLabel(number, rest);
        break;
      case "cgroup":
        readCgroup(number, rest);
        break;
      default:
        throw problem(number, "unknown keyword '" + keyword + "'");
    }
  }

  private void readHeader(int number, String rest) throws MappingException {
    if (headerLine != 0) {
      throw problem(number, "'" + HEADER_KEYWORD + "' may appear only once (first at line " + headerLine + ")");
    }
    String[] args = arguments(number, HEADER_KEYWORD, rest, 1, HEADER_KEYWORD + " <version>");
    if (!args[0].equals(SUPPORTED_VERSION)) {
      throw problem(
          number,
          "unsupported mapping version '" + args[0] + "' (this agent reads version " + SUPPORTED_VERSION + ")");
    }
    headerLine = number;
  }

  private void readName(int number, String rest) throws MappingException {
    if (nameLine != 0) {
      throw problem(number, "'name' may appear only once (first at line " + nameLine + ")");
    }
    if (!metrics.isEmpty()) {
      throw problem(number, "'name' must come before the first metric");
    }
    mappingName = arguments(number, "name", rest, 1, "name <mapping-name>")[0];
    nameLine = number;
  }

  private void readMetric(int number, String rest) throws MappingException {
    finishMetric();
    String[] args = arguments(number, "metric", rest, 2, "metric <series-name> <counter|gauge|summary>");
    String name = args[0];
    MetricType type = MetricType.fromKeyword(args[1]);
    if (type == null) {
      throw problem(number, "unknown metric type '" + args[1] + "' (expected counter, gauge or summary)");
    }
    if (!METRIC_NAME.matcher(name).matches()) {
      throw problem(number, "invalid metric name '" + name + "'");
    }
    MetricDraft previous = metricsByName.get(name);
    if (previous != null) {
      throw problem(number, "duplicate metric '" + name + "' (first declared at line " + previous.line + ")");
    }
    if (type == MetricType.COUNTER
        && (!name.endsWith(COUNTER_SUFFIX) || name.length() == COUNTER_SUFFIX.length())) {
      throw problem(number, "counter '" + name + "' must end in " + COUNTER_SUFFIX);
    }
    MetricDraft draft = new MetricDraft(name, type, number);
    try {
      new MetricMetadata(draft.baseName());
    } catch (IllegalArgumentException e) {
      throw problem(number, "invalid metric name '" + name + "': " + e.getMessage());
    }
    for (String exposed : exposedNames(draft)) {
      MetricDraft owner = exposedNames.get(exposed);
      if (owner != null) {
        throw problem(
            number,
            "metric '" + name + "' clashes with '" + owner.name + "' (line " + owner.line
                + "): both expose '" + exposed + "'");
      }
    }
    for (String exposed : exposedNames(draft)) {
      exposedNames.put(exposed, draft);
    }
    metricsByName.put(name, draft);
    metrics.add(draft);
    metric = draft;
  }

  private void readHelp(int number, String rest) throws MappingException {
    MetricDraft current = requireMetric(number, "help");
    if (current.help != null) {
      throw problem(number, "'help' given twice for " + current.name);
    }
    if (rest.isEmpty()) {
      throw problem(number, "'help' needs text");
    }
    current.help = unescapeHelp(number, rest);
  }

  private void readJmx(int number, String rest) throws MappingException {
    MetricDraft current = requireMetric(number, "jmx");
    if (current.cgroup != null) {
      throw problem(number, "'jmx' and 'cgroup' cannot feed the same metric " + current.name);
    }
    finishJmxSource();
    if (rest.isEmpty()) {
      throw problem(number, "'jmx' needs an ObjectName pattern");
    }
    ObjectName pattern;
    try {
      pattern = new ObjectName(rest);
    } catch (MalformedObjectNameException e) {
      throw problem(number, "invalid ObjectName pattern '" + rest + "': " + e.getMessage());
    }
    jmx = new JmxDraft(pattern, number);
  }

  private void readAttribute(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "attribute");
    if (metric.type == MetricType.SUMMARY) {
      throw problem(number, "'attribute' needs a counter or gauge metric, but " + metric.name + " is a summary");
    }
    if (source.attribute != null) {
      throw problem(number, "'attribute' given twice in this source");
    }
    source.attribute = requireText(number, "attribute", rest, "attribute <attribute>");
  }

  private void readQuantile(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "quantile");
    requireSummary(number, "quantile");
    String[] parts = splitFirst(rest);
    if (parts[1].isEmpty()) {
      throw problem(number, "'quantile' needs a quantile and an attribute: quantile <q> <attribute>");
    }
    double quantile;
    try {
      quantile = Double.parseDouble(parts[0]);
    } catch (NumberFormatException e) {
      quantile = Double.NaN;
    }
    if (!(quantile >= 0.0 && quantile <= 1.0)) {
      throw problem(number, "invalid quantile '" + parts[0] + "' (expected a number from 0 to 1)");
    }
    for (QuantileRead existing : source.quantiles) {
      if (existing.quantile() == quantile) {
        throw problem(number, "duplicate quantile " + parts[0] + " in this source");
      }
    }
    source.quantiles.add(new QuantileRead(quantile, parts[1]));
  }

  private void readCount(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "count");
    requireSummary(number, "count");
    if (source.countAttribute != null) {
      throw problem(number, "'count' given twice in this source");
    }
    source.countAttribute = requireText(number, "count", rest, "count <attribute>");
  }

  private void readSumFromMean(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "sum-from-mean");
    requireSummary(number, "sum-from-mean");
    if (source.sumFromMeanAttribute != null) {
      throw problem(number, "'sum-from-mean' given twice in this source");
    }
    source.sumFromMeanAttribute = requireText(number, "sum-from-mean", rest, "sum-from-mean <attribute>");
    source.sumFromMeanLine = number;
  }

  private void readScale(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "scale");
    if (source.scaleLine != 0) {
      throw problem(number, "'scale' given twice in this source (first at line " + source.scaleLine + ")");
    }
    if (source.valueLabelLine != 0) {
      throw problem(number, "'scale' and 'value-label' (line " + source.valueLabelLine + ") cannot be combined: "
          + VALUE_LABEL_SAMPLE);
    }
    String[] args = arguments(number, "scale", rest, 1, "scale <factor>");
    double scale;
    try {
      scale = Double.parseDouble(args[0]);
    } catch (NumberFormatException e) {
      scale = Double.NaN;
    }
    if (Double.isNaN(scale) || Double.isInfinite(scale) || scale == 0.0) {
      throw problem(number, "invalid scale '" + args[0] + "' (expected a finite number other than 0)");
    }
    source.scale = scale;
    source.scaleLine = number;
  }

  private void readLabel(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "label");
    String[] parts = splitFirst(rest);
    if (parts[1].isEmpty()) {
      throw problem(number, "'label' needs a label name and an ObjectName key: label <prometheus-label> <objectname-key>");
    }
    checkLabelName(number, source, parts[0]);
    checkNotAValueLabelElsewhere(number, parts[0]);
    String key = parts[1];
    if (!source.pattern.isPropertyListPattern() && source.pattern.getKeyProperty(key) == null) {
      throw problem(
          number,
          "ObjectName key '" + key + "' is not in the pattern '" + source.pattern.getCanonicalName() + "'");
    }
    source.keyLabels.add(new LabelFromKey(parts[0], key));
    metric.fixedLabelLines.putIfAbsent(parts[0], number);
  }

  private void readConst(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "const");
    String[] parts = splitFirst(rest);
    if (parts[1].isEmpty()) {
      throw problem(number, "'const' needs a label name and a value: const <prometheus-label> <value>");
    }
    checkLabelName(number, source, parts[0]);
    checkNotAValueLabelElsewhere(number, parts[0]);
    source.constLabels.add(new ConstLabel(parts[0], parts[1]));
    metric.fixedLabelLines.putIfAbsent(parts[0], number);
  }

  private void readValueLabel(int number, String rest) throws MappingException {
    JmxDraft source = requireJmx(number, "value-label");
    if (metric.type != MetricType.GAUGE) {
      throw problem(
          number, "'value-label' needs a gauge metric, but " + metric.name + " is a " + metric.type.keyword());
    }
    if (source.valueLabelLine != 0) {
      throw problem(
          number, "'value-label' given twice in this source (first at line " + source.valueLabelLine + ")");
    }
    if (source.scaleLine != 0) {
      throw problem(number, "'value-label' and 'scale' (line " + source.scaleLine + ") cannot be combined: "
          + VALUE_LABEL_SAMPLE);
    }
    String label = arguments(number, "value-label", rest, 1, "value-label <prometheus-label>")[0];
    checkLabelName(number, source, label);
    // another source's fixed value for the label could equal a value read here: two series alike
    Integer fixed = metric.fixedLabelLines.get(label);
    if (fixed != null) {
      throw problem(
          number,
          "value label '" + label + "' is a 'label' or 'const' of another source of " + metric.name + " (line "
              + fixed + ")");
    }
    source.valueLabel = label;
    source.valueLabelLine = number;
    metric.valueLabelLines.putIfAbsent(label, number);
  }

  private void readCgroup(int number, String rest) throws MappingException {
    MetricDraft current = requireMetric(number, "cgroup");
    if (!current.jmxSources.isEmpty() || jmx != null) {
      throw problem(number, "'jmx' and 'cgroup' cannot feed the same metric " + current.name);
    }
    if (current.cgroup != null) {
      throw problem(number, "a metric takes one 'cgroup' line (first at line " + current.cgroup.line() + ")");
    }
    if (current.type != MetricType.GAUGE) {
      throw problem(number, "'cgroup' needs a gauge metric, but " + current.name + " is a " + current.type.keyword());
    }
    String[] args = arguments(number, "cgroup", rest, 1, "cgroup <field>");
    CgroupField field = CgroupField.fromKeyword(args[0]);
    if (field == null) {
      throw problem(number, "unknown cgroup field '" + args[0] + "' (expected " + CgroupField.keywords() + ")");
    }
    current.cgroup = new CgroupSource(field, number);
  }

  private void finishMetric() throws MappingException {
    if (metric == null) {
      return;
    }
    finishJmxSource();
    if (metric.jmxSources.isEmpty() && metric.cgroup == null) {
      throw problem(metric.line, "metric " + metric.name + " has no source (add a 'jmx' or 'cgroup' line)");
    }
    metric = null;
  }

  private void finishJmxSource() throws MappingException {
    if (jmx == null) {
      return;
    }
    JmxDraft source = jmx;
    jmx = null;
    if (metric.type == MetricType.SUMMARY) {
      if (source.quantiles.isEmpty() && source.countAttribute == null) {
        throw problem(source.line, "summary source of " + metric.name + " has no 'quantile' or 'count' line");
      }
      if (source.sumFromMeanAttribute != null && source.countAttribute == null) {
        throw problem(source.sumFromMeanLine, "'sum-from-mean' needs a 'count' line in the same source");
      }
    } else if (source.attribute == null) {
      throw problem(source.line, "jmx source of " + metric.name + " has no 'attribute' line");
    }
    // sources may differ in labels (a broker total beside per-topic beans): a label a source
    // lacks is exported empty, which Prometheus treats as absent
    JmxSource built = source.build();
    metric.jmxSources.add(built);
  }

  private MetricDraft requireMetric(int number, String keyword) throws MappingException {
    if (metric == null) {
      throw problem(number, "'" + keyword + "' must follow a 'metric' line");
    }
    return metric;
  }

  private JmxDraft requireJmx(int number, String keyword) throws MappingException {
    requireMetric(number, keyword);
    if (jmx == null) {
      throw problem(number, "'" + keyword + "' must follow a 'jmx' line");
    }
    return jmx;
  }

  private void requireSummary(int number, String keyword) throws MappingException {
    if (metric.type != MetricType.SUMMARY) {
      throw problem(
          number,
          "'" + keyword + "' needs a summary metric, but " + metric.name + " is a " + metric.type.keyword());
    }
  }

  private void checkLabelName(int number, JmxDraft source, String label) throws MappingException {
    if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
      throw problem(number, "invalid label name '" + label + "'");
    }
    if (metric.type == MetricType.SUMMARY && label.equals("quantile")) {
      throw problem(number, "label 'quantile' is reserved for summary quantiles");
    }
    if (source.hasLabel(label)) {
      throw problem(number, "duplicate label '" + label + "' in this source");
    }
  }

  /** A label line must not fix a label that another source of the metric fills from its values. */
  private void checkNotAValueLabelElsewhere(int number, String label) throws MappingException {
    Integer valueLabelLine = metric.valueLabelLines.get(label);
    if (valueLabelLine != null) {
      throw problem(
          number,
          "label '" + label + "' is the 'value-label' of another source of " + metric.name + " (line "
              + valueLabelLine + ")");
    }
  }

  private String requireText(int number, String keyword, String rest, String usage) throws MappingException {
    if (rest.isEmpty()) {
      throw problem(number, "'" + keyword + "' needs an argument: " + usage);
    }
    return rest;
  }

  private String[] arguments(int number, String keyword, String rest, int count, String usage)
      throws MappingException {
    String[] args = rest.isEmpty() ? new String[0] : WHITESPACE.split(rest);
    if (args.length != count) {
      throw problem(
          number,
          "'" + keyword + "' takes " + count + (count == 1 ? " argument" : " arguments") + ", got "
              + args.length + ": " + usage);
    }
    return args;
  }

  private String unescapeHelp(int number, String text) throws MappingException {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (next == '\\') {
        out.append('\\');
      } else if (next == 'n') {
        out.append('\n');
      } else {
        throw problem(number, "unknown escape in help text (only \\\\ and \\n are allowed)");
      }
      i++;
    }
    return out.toString();
  }

  private String mappingName() {
    if (mappingName != null) {
      return mappingName;
    }
    String base = sourceName;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    return base.endsWith(".mapping") ? base.substring(0, base.length() - ".mapping".length()) : base;
  }

  private MappingException problem(int line, String message) {
    return new MappingException(sourceName, line, message);
  }

  private static List<String> exposedNames(MetricDraft draft) {
    List<String> names = new ArrayList<>();
    String base = draft.baseName();
    names.add(base);
    switch (draft.type) {
      case COUNTER:
        names.add(base + COUNTER_SUFFIX);
        names.add(base + "_created");
        break;
      case SUMMARY:
        names.add(base + "_count");
        names.add(base + "_sum");
        names.add(base + "_created");
        break;
      default:
        break;
    }
    return names;
  }

  private static String[] splitFirst(String rest) {
    int split = indexOfWhitespace(rest);
    if (split < 0) {
      return new String[] {rest, ""};
    }
    return new String[] {rest.substring(0, split), stripLeading(rest.substring(split))};
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        return i;
      }
    }
    return -1;
  }

  private static String stripLeading(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    return text.substring(start);
  }

  private static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String sha256Hex(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** A metric block while it is being read. */
  private static final class MetricDraft {
    final String name;
    final MetricType type;
    final int line;
    String help;
    final List<JmxSource> jmxSources = new ArrayList<>();
    CgroupSource cgroup;
    // the first line of each label name, over all sources: value labels, and key or constant labels
    final Map<String, Integer> valueLabelLines = new HashMap<>();
    final Map<String, Integer> fixedLabelLines = new HashMap<>();

    MetricDraft(String name, MetricType type, int line) {
      this.name = name;
      this.type = type;
      this.line = line;
    }

    String baseName() {
      return type == MetricType.COUNTER ? name.substring(0, name.length() - COUNTER_SUFFIX.length()) : name;
    }

    MetricMapping build() {
      List<MetricSource> sources = new ArrayList<>();
      if (cgroup != null) {
        sources.add(cgroup);
      } else {
        sources.addAll(jmxSources);
      }
      return new MetricMapping(name, type, help, sources, line);
    }
  }

  /** A jmx source while it is being read. */
  private static final class JmxDraft {
    final ObjectName pattern;
    final int line;
    String attribute;
    final List<QuantileRead> quantiles = new ArrayList<>();
    String countAttribute;
    String sumFromMeanAttribute;
    int sumFromMeanLine;
    double scale = 1.0;
    int scaleLine;
    final List<LabelFromKey> keyLabels = new ArrayList<>();
    final List<ConstLabel> constLabels = new ArrayList<>();
    String valueLabel;
    int valueLabelLine;

    JmxDraft(ObjectName pattern, int line) {
      this.pattern = pattern;
      this.line = line;
    }

    boolean hasLabel(String label) {
      for (LabelFromKey existing : keyLabels) {
        if (existing.label().equals(label)) {
          return true;
        }
      }
      for (ConstLabel existing : constLabels) {
        if (existing.label().equals(label)) {
          return true;
        }
      }
      return label.equals(valueLabel);
    }

    JmxSource build() {
      List<QuantileRead> sorted = new ArrayList<>(quantiles);
      Collections.sort(sorted, Comparator.comparingDouble(QuantileRead::quantile));
      return new JmxSource(
          pattern,
          attribute,
          sorted,
          countAttribute,
          sumFromMeanAttribute,
          scale,
          keyLabels,
          constLabels,
          valueLabel,
          line);
    }
  }
}
