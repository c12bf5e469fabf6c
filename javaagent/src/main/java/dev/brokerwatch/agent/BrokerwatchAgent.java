package dev.brokerwatch.agent;

import com.sun.net.httpserver.Authenticator;
import dev.brokerwatch.agent.cgroup.CgroupLocator;
import dev.brokerwatch.agent.cgroup.CgroupMemoryCollector;
import dev.brokerwatch.agent.cgroup.CgroupMemoryReader;
import dev.brokerwatch.agent.health.BrokerHealthProbe;
import dev.brokerwatch.agent.http.AboutHandler;
import dev.brokerwatch.agent.http.AgentHttpServer;
import dev.brokerwatch.agent.http.HashedBasicAuthenticator;
import dev.brokerwatch.agent.http.LiveHandler;
import dev.brokerwatch.agent.http.MetricsEndpoint;
import dev.brokerwatch.agent.http.ReadyHandler;
import dev.brokerwatch.agent.http.TlsConfig;
import dev.brokerwatch.agent.jmx.InProcessSource;
import dev.brokerwatch.agent.jmx.KafkaJmxCollector;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingException;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.self.SelfMetricsCollector;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.config.PrometheusPropertiesException;
import io.prometheus.metrics.config.PrometheusPropertiesLoader;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;

/**
 * The agent's entry points: {@code -javaagent:brokerwatch-agent.jar=<arguments>} (premain) and
 * dynamic attach (agentmain); see {@link AgentArguments} for the arguments.
 *
 * <p>Start-up is all or nothing and never harms the host JVM: any failure prints one line, {@code
 * brokerwatch: <problem>}, to standard error and returns without exporting. It never calls
 * System.exit and never throws.
 */
public final class BrokerwatchAgent {
  static final String DEFAULT_MAPPING_RESOURCE = "/kafka-default.mapping";
  static final String DEFAULT_MAPPING_NAME = "kafka-default.mapping";

  private static final Object LOCK = new Object();
  private static RunningAgent running;

  private BrokerwatchAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    startOnce(agentArgs, System.err);
  }

  public static void premain(String agentArgs) {
    startOnce(agentArgs, System.err);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    startOnce(agentArgs, System.err);
  }

  public static void agentmain(String agentArgs) {
    startOnce(agentArgs, System.err);
  }

  /** Starts against the platform MBean server unless an agent already runs in this JVM. */
  static void startOnce(String agentArgs, PrintStream err) {
    try {
      synchronized (LOCK) {
        if (running != null) {
          err.println("brokerwatch: already running on port " + running.port() + "; ignoring '" + agentArgs + "'");
          return;
        }
        running = startQuietly(agentArgs, ManagementFactory.getPlatformMBeanServer(), err);
      }
    } catch (Throwable t) {
      err.println("brokerwatch: " + oneLine(t));
    }
  }

  /** Starts, or prints the one-line reason to {@code err} and returns null. Never throws. */
  static RunningAgent startQuietly(String agentArgs, MBeanServer server, PrintStream err) {
    try {
      RunningAgent agent = start(agentArgs, server);
      for (String notice : agent.notices()) {
        err.println("brokerwatch: " + singleLine(notice));
      }
      return agent;
    } catch (AgentStartException e) {
      err.println("brokerwatch: " + singleLine(e.getMessage()));
    } catch (Throwable t) {
      err.println("brokerwatch: " + oneLine(t));
    }
    return null;
  }

  /** Parses the arguments and starts; the exception's message is the problem in one line. */
  public static RunningAgent start(String agentArgs, MBeanServer server) throws AgentStartException {
    AgentArguments arguments = AgentArguments.parse(agentArgs);
    AgentConfig config = arguments.configFile() == null ? AgentConfig.defaults() : AgentConfig.load(arguments.configFile());
    return start(arguments, config, server);
  }

  /** Starts with parsed arguments and settings. */
  public static RunningAgent start(AgentArguments arguments, AgentConfig config, MBeanServer server)
      throws AgentStartException {
    Mapping mapping = loadMapping(arguments);
    PrometheusProperties librarySettings = loadLibrarySettings();
    InetSocketAddress address = arguments.bindAddress();
    Authenticator authenticator =
        config.hasAuth() ? new HashedBasicAuthenticator(config.authUser(), config.authPasswordHash()) : null;
    TlsConfig tls = loadTls(config);

    ScrapeErrors errors = new ScrapeErrors();
    ScrapeDuration duration = new ScrapeDuration();
    KafkaJmxCollector jmx;
    try {
      jmx =
          KafkaJmxCollector.start(
              server,
              mapping.jmxMetrics(),
              errors,
              duration,
              config.jmxOnly() ? null : InProcessSource.kafkaYammer(),
              notice -> System.err.println("brokerwatch: " + singleLine(notice)),
              config.scrapeThreads());
    } catch (Exception e) {
      throw new AgentStartException("cannot follow MBean registrations: " + oneLine(e), e);
    }
    List<String> notices = new ArrayList<>();
    try {
      PrometheusRegistry registry = new PrometheusRegistry();
      try {
        registry.register(jmx);
        CgroupMemoryReader cgroup =
            CgroupLocator.locate(config.cgroupRoot(), Paths.get(CgroupLocator.DEFAULT_PROC_SELF_CGROUP));
        if (cgroup == null && !mapping.cgroupMetrics().isEmpty()) {
          notices.add(
              "no memory cgroup found under " + config.cgroupRoot() + " (cgroup.root): the mapping's "
                  + mapping.cgroupMetrics().size() + " container memory metrics are left out");
        }
        registry.register(new CgroupMemoryCollector(cgroup, mapping.cgroupMetrics(), errors));
        registry.register(new SelfMetricsCollector(errors, duration));
        JvmMetrics.builder(librarySettings).register(registry);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new AgentStartException(mapping.sourceName() + ": " + singleLine(e.getMessage()), e);
      }
      BrokerHealthProbe probe = new BrokerHealthProbe(server, config.readyMaxUnderReplicated());
      AgentHttpServer.Endpoints endpoints =
          new AgentHttpServer.Endpoints(
              new MetricsEndpoint(librarySettings, registry, jmx, AgentHttpServer.THREADS),
              new LiveHandler(probe),
              new ReadyHandler(probe),
              new AboutHandler(AgentVersion.get(), mapping, server, jmx::checkIndex, jmx::readPaths));
      AgentHttpServer http;
      try {
        http = AgentHttpServer.start(address, endpoints, authenticator, config.healthOpen(), tls);
      } catch (IOException e) {
        throw new AgentStartException("cannot listen on " + describe(address) + ": " + AgentConfig.describe(e), e);
      }
      return new RunningAgent(mapping, registry, jmx, errors, http, notices);
    } catch (AgentStartException | RuntimeException | Error e) {
      jmx.close();
      throw e;
    }
  }

  /**
   * The client library's own settings ({@code io.prometheus.*} from system properties, {@code
   * prometheus.properties} and the environment), read once. The library rejects a key it does not
   * know, so a misspelled setting stops the start instead of being ignored.
   */
  private static PrometheusProperties loadLibrarySettings() throws AgentStartException {
    try {
      return PrometheusPropertiesLoader.load();
    } catch (PrometheusPropertiesException e) {
      throw new AgentStartException("client library settings: " + singleLine(e.getMessage()), e);
    }
  }

  private static Mapping loadMapping(AgentArguments arguments) throws AgentStartException {
    try {
      if (arguments.mappingFile() != null) {
        try {
          return MappingReader.read(arguments.mappingFile());
        } catch (IOException e) {
          throw new AgentStartException(
              "cannot read mapping file " + arguments.mappingFile() + ": " + AgentConfig.describe(e), e);
        }
      }
      return MappingReader.parse(DEFAULT_MAPPING_NAME, embeddedMapping());
    } catch (MappingException e) {
      throw new AgentStartException(e.getMessage(), e);
    }
  }

  private static byte[] embeddedMapping() throws AgentStartException {
    try (InputStream in = BrokerwatchAgent.class.getResourceAsStream(DEFAULT_MAPPING_RESOURCE)) {
      if (in == null) {
        throw new AgentStartException("the embedded " + DEFAULT_MAPPING_NAME + " is missing from the agent jar");
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AgentStartException("cannot read the embedded " + DEFAULT_MAPPING_NAME + ": " + e.getMessage(), e);
    }
  }

  private static TlsConfig loadTls(AgentConfig config) throws AgentStartException {
    if (!config.hasTls()) {
      return null;
    }
    try {
      return TlsConfig.fromKeystore(
          config.keystorePath(), config.keystorePassword(), config.keystoreType(), config.keyPassword());
    } catch (Exception e) {
      throw new AgentStartException("cannot load TLS keystore " + config.keystorePath() + ": " + oneLine(e), e);
    }
  }

  private static String describe(InetSocketAddress address) {
    String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    return host + ":" + address.getPort();
  }

  private static String oneLine(Throwable t) {
    String message = t.getMessage();
    String text = message == null || message.isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + message;
    return singleLine(text);
  }

  private static String singleLine(String text) {
    return text == null ? "unknown problem" : text.replace('\r', ' ').replace('\n', ' ');
  }
}
