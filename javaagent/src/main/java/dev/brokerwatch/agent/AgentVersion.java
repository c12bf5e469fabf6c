package dev.brokerwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, written into the jar at build time. */
public final class AgentVersion {
  private static final String RESOURCE = "/dev/brokerwatch/agent/agent-version.properties";

  private AgentVersion() {}

  /** The project version, or {@code unknown} when the resource is missing. */
  public static String get() {
    try (InputStream in = AgentVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
