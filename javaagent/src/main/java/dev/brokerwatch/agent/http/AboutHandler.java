package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.jmx.IndexCheck;
import dev.brokerwatch.agent.jmx.ReadPaths;
import dev.brokerwatch.agent.mapping.Mapping;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * {@code /about}: which agent runs which mapping against which Kafka, for example
 *
 * <pre>
 * {"agent":"brokerwatch","version":"0.1.0","mapping":{"name":"kafka-default","sha256":"9f2c...",
 *  "source":"kafka-default.mapping","metrics":42},"kafka_version":"4.1.1"}
 * </pre>
 *
 * The Kafka version is the {@code version} attribute of the first {@code kafka.server:type=app-info}
 * MBean by ObjectName, or null while there is none.
 *
 * <p>{@code /about?index=check} adds the MBean index compared with the MBeans registered now, so
 * that a missed registration or unregistration can be seen from outside the broker:
 *
 * <pre>
 * "index":{"indexed":5012,"registered":5012,"missing":0,"stale":0,"missing_names":[],"stale_names":[]}
 * </pre>
 *
 * It walks every registered MBean name once, so it is asked for, never part of the plain answer.
 *
 * <p>{@code /about?reads=count} adds how the MBeans of the current scrape plan are read: from the
 * objects behind them inside the broker, or through the MBean server:
 *
 * <pre>
 * "reads":{"in_process":20617,"mbean_server":36,"in_process_source":"Kafka's Yammer registry"}
 * </pre>
 */
public final class AboutHandler extends GetOnlyHandler {
  public static final String PATH = "/about";

  private static final ObjectName APP_INFO = appInfoPattern();

  private final String agentVersion;
  private final Mapping mapping;
  private final MBeanServer server;
  private final Supplier<IndexCheck> indexCheck;
  private final Supplier<ReadPaths> readPaths;

  public AboutHandler(
      String agentVersion,
      Mapping mapping,
      MBeanServer server,
      Supplier<IndexCheck> indexCheck,
      Supplier<ReadPaths> readPaths) {
    super(PATH);
    this.agentVersion = agentVersion;
    this.mapping = mapping;
    this.server = server;
    this.indexCheck = indexCheck;
    this.readPaths = readPaths;
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    QueryParameters query;
    try {
      query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    } catch (IllegalArgumentException e) {
      Responses.send(exchange, 400, Responses.TEXT, "invalid query parameters\n");
      return;
    }
    String index = query.first("index");
    if (index != null && !index.equals("check")) {
      Responses.send(exchange, 400, Responses.TEXT, "index= takes only the value check\n");
      return;
    }
    String reads = query.first("reads");
    if (reads != null && !reads.equals("count")) {
      Responses.send(exchange, 400, Responses.TEXT, "reads= takes only the value count\n");
      return;
    }
    String json = json();
    if (index != null) {
      json = json.substring(0, json.length() - 1) + ",\"index\":" + indexJson(indexCheck.get()) + "}";
    }
    if (reads != null) {
      json = json.substring(0, json.length() - 1) + ",\"reads\":" + readsJson(readPaths.get()) + "}";
    }
    Responses.send(exchange, 200, Responses.JSON, json + "\n");
  }

  static String indexJson(IndexCheck check) {
    return "{\"indexed\":" + check.indexed()
        + ",\"registered\":" + check.registered()
        + ",\"missing\":" + check.missingCount()
        + ",\"stale\":" + check.staleCount()
        + ",\"missing_names\":" + names(check.missing())
        + ",\"stale_names\":" + names(check.stale())
        + "}";
  }

  static String readsJson(ReadPaths paths) {
    return "{\"in_process\":" + paths.inProcess()
        + ",\"mbean_server\":" + paths.mbeanServer()
        + ",\"in_process_source\":" + Json.quote(paths.inProcessSource())
        + "}";
  }

  private static String names(List<ObjectName> names) {
    StringBuilder out = new StringBuilder("[");
    for (ObjectName name : names) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(Json.quote(name.getCanonicalName()));
    }
    return out.append(']').toString();
  }

  String json() {
    return "{\"agent\":\"brokerwatch\""
        + ",\"version\":" + Json.quote(agentVersion)
        + ",\"mapping\":{\"name\":" + Json.quote(mapping.name())
        + ",\"sha256\":" + Json.quote(mapping.sha256())
        + ",\"source\":" + Json.quote(mapping.sourceName())
        + ",\"metrics\":" + mapping.metrics().size()
        + "},\"kafka_version\":" + Json.quote(kafkaVersion())
        + "}";
  }

  /** Rare request, so querying here is fine; the scrape path never does. */
  private String kafkaVersion() {
    try {
      Set<ObjectName> names = new TreeSet<>(server.queryNames(APP_INFO, null));
      for (ObjectName name : names) {
        try {
          Object version = server.getAttribute(name, "version");
          if (version != null) {
            return version.toString();
          }
        } catch (Exception e) {
          // try the next app-info bean
        }
      }
    } catch (RuntimeException e) {
      // no version then
    }
    return null;
  }

  private static ObjectName appInfoPattern() {
    try {
      return new ObjectName("kafka.server:type=app-info,*");
    } catch (MalformedObjectNameException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
