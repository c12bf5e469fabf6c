package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import dev.brokerwatch.agent.mapping.Mapping;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
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
 */
public final class AboutHandler extends GetOnlyHandler {
  public static final String PATH = "/about";

  private static final ObjectName APP_INFO = appInfoPattern();

  private final String agentVersion;
  private final Mapping mapping;
  private final MBeanServer server;

  public AboutHandler(String agentVersion, Mapping mapping, MBeanServer server) {
    super(PATH);
    this.agentVersion = agentVersion;
    this.mapping = mapping;
    this.server = server;
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    Responses.send(exchange, 200, Responses.JSON, json() + "\n");
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
