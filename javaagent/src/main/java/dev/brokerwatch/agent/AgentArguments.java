package dev.brokerwatch.agent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The text after {@code -javaagent:brokerwatch-agent.jar=}.
 *
 * <pre>
 * arguments   = address [ ":" mapping-file ] [ ":config=" config-file ]
 * address     = port | host ":" port | "[" ipv6-address "]" ":" port
 * </pre>
 *
 * <ul>
 *   <li>{@code 9404} listens on all interfaces, port 9404, with the embedded Kafka mapping.
 *   <li>{@code 127.0.0.1:9404} or {@code [::1]:9404} listens on one address.
 *   <li>{@code 9404:/etc/brokerwatch/kafka.mapping} or {@code 0.0.0.0:9404:/etc/brokerwatch/kafka.mapping}
 *       loads that mapping instead of the embedded one. Everything after the port up to an optional
 *       {@code :config=} is the path, so it may contain colons.
 *   <li>{@code ...:config=/etc/brokerwatch/agent.properties} reads the optional settings (see {@link
 *       AgentConfig}); it may follow the address directly: {@code 9404:config=/etc/agent.properties}.
 * </ul>
 *
 * A host made only of digits cannot be told from a port and is not supported; port 0 picks a free
 * port.
 */
public final class AgentArguments {
  static final String GRAMMAR = "[host:]port[:mapping-file][:config=config-file]";
  private static final String CONFIG_MARKER = ":config=";

  private final String host;
  private final int port;
  private final Path mappingFile;
  private final Path configFile;

  private AgentArguments(String host, int port, Path mappingFile, Path configFile) {
    this.host = host;
    this.port = port;
    this.mappingFile = mappingFile;
    this.configFile = configFile;
  }

  public static AgentArguments parse(String text) throws AgentStartException {
    if (text == null || text.trim().isEmpty()) {
      throw new AgentStartException("missing agent arguments, expected " + GRAMMAR);
    }
    String rest = text.trim();
    Path configFile = null;
    int config = rest.indexOf(CONFIG_MARKER);
    if (config >= 0) {
      String configPath = rest.substring(config + CONFIG_MARKER.length());
      if (configPath.isEmpty()) {
        throw new AgentStartException("empty config file path in '" + text + "', expected " + GRAMMAR);
      }
      configFile = Paths.get(configPath);
      rest = rest.substring(0, config);
    }

    String host = null;
    String afterHost = rest;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
        throw new AgentStartException("bad IPv6 address in '" + text + "', expected [address]:port");
      }
      host = rest.substring(1, close);
      afterHost = rest.substring(close + 2);
    } else {
      int colon = rest.indexOf(':');
      String first = colon < 0 ? rest : rest.substring(0, colon);
      if (!isDigits(first)) {
        if (first.isEmpty()) {
          throw new AgentStartException("empty host in '" + text + "', expected " + GRAMMAR);
        }
        if (colon < 0) {
          throw new AgentStartException("missing port in '" + text + "', expected " + GRAMMAR);
        }
        host = first;
        afterHost = rest.substring(colon + 1);
      }
    }

    int colon = afterHost.indexOf(':');
    String portText = colon < 0 ? afterHost : afterHost.substring(0, colon);
    if (!isDigits(portText)) {
      throw new AgentStartException("bad port '" + portText + "' in '" + text + "', expected " + GRAMMAR);
    }
    int port = portText.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(portText);
    if (port > 65535) {
      throw new AgentStartException("port " + portText + " is out of range 0-65535");
    }
    Path mappingFile = null;
    if (colon >= 0) {
      String mappingPath = afterHost.substring(colon + 1);
      if (mappingPath.isEmpty()) {
        throw new AgentStartException("empty mapping file path in '" + text + "', expected " + GRAMMAR);
      }
      mappingFile = Paths.get(mappingPath);
    }
    return new AgentArguments(host, port, mappingFile, configFile);
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The host to bind, or null for all interfaces. */
  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The mapping to load, or null for the embedded Kafka mapping. */
  public Path mappingFile() {
    return mappingFile;
  }

  /** The settings file, or null for defaults. */
  public Path configFile() {
    return configFile;
  }

  /** The socket address to bind; resolves the host name. */
  public InetSocketAddress bindAddress() throws AgentStartException {
    if (host == null) {
      return new InetSocketAddress(port);
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new AgentStartException("cannot resolve host '" + host + "'");
    }
  }
}
