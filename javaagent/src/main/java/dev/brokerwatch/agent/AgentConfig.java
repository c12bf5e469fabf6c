package dev.brokerwatch.agent;

import dev.brokerwatch.agent.http.PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Optional settings, read from the Java properties file named by {@code :config=<file>} in the
 * agent arguments. Every key is optional; an unknown key is an error so that typos do not pass
 * silently.
 *
 * <pre>
 * # HTTP basic auth; make the hash with: java -cp brokerwatch-agent.jar dev.brokerwatch.agent.http.HashPassword
 * auth.user=prometheus
 * auth.password.hash=pbkdf2-sha256:310000:&lt;salt&gt;:&lt;hash&gt;
 * # answer /health/live and /health/ready without credentials (default false)
 * health.open=true
 * # TLS from a keystore (type defaults to PKCS12; key password defaults to the keystore password)
 * tls.keystore.path=/etc/brokerwatch/agent.p12
 * tls.keystore.password=changeit
 * tls.keystore.type=PKCS12
 * tls.key.password=changeit
 * # /health/ready fails when more partitions than this are under-replicated (default: not checked)
 * ready.max-under-replicated-partitions=0
 * # where the cgroup file system is mounted (default /sys/fs/cgroup)
 * cgroup.root=/sys/fs/cgroup
 * # threads that read one scrape's MBeans and write its text (default: the processors the JVM may use, at most 4)
 * scrape.threads=2
 * </pre>
 */
public final class AgentConfig {
  static final String AUTH_USER = "auth.user";
  static final String AUTH_PASSWORD_HASH = "auth.password.hash";
  static final String HEALTH_OPEN = "health.open";
  static final String TLS_KEYSTORE_PATH = "tls.keystore.path";
  static final String TLS_KEYSTORE_PASSWORD = "tls.keystore.password";
  static final String TLS_KEYSTORE_TYPE = "tls.keystore.type";
  static final String TLS_KEY_PASSWORD = "tls.key.password";
  static final String READY_MAX_UNDER_REPLICATED = "ready.max-under-replicated-partitions";
  static final String CGROUP_ROOT = "cgroup.root";
  static final String JMX_ONLY = "jmx.only";
  static final String SCRAPE_THREADS = "scrape.threads";

  private static final List<String> KEYS =
      Collections.unmodifiableList(
          Arrays.asList(
              AUTH_USER,
              AUTH_PASSWORD_HASH,
              HEALTH_OPEN,
              TLS_KEYSTORE_PATH,
              TLS_KEYSTORE_PASSWORD,
              TLS_KEYSTORE_TYPE,
              TLS_KEY_PASSWORD,
              READY_MAX_UNDER_REPLICATED,
              CGROUP_ROOT,
              JMX_ONLY,
              SCRAPE_THREADS));

  private static final String DEFAULT_KEYSTORE_TYPE = "PKCS12";
  private static final String DEFAULT_CGROUP_ROOT = "/sys/fs/cgroup";
  /** At most this many threads by default: beyond it a scrape gets little shorter at any size. */
  static final int MAX_DEFAULT_SCRAPE_THREADS = 4;
  private static final int MAX_SCRAPE_THREADS = 64;

  private final String authUser;
  private final PasswordHash authPasswordHash;
  private final boolean healthOpen;
  private final Path keystorePath;
  private final String keystorePassword;
  private final String keystoreType;
  private final String keyPassword;
  private final Integer readyMaxUnderReplicated;
  private final Path cgroupRoot;
  private final boolean jmxOnly;
  private final int scrapeThreads;

  private AgentConfig(
      String authUser,
      PasswordHash authPasswordHash,
      boolean healthOpen,
      Path keystorePath,
      String keystorePassword,
      String keystoreType,
      String keyPassword,
      Integer readyMaxUnderReplicated,
      Path cgroupRoot,
      boolean jmxOnly,
      int scrapeThreads) {
    this.authUser = authUser;
    this.authPasswordHash = authPasswordHash;
    this.healthOpen = healthOpen;
    this.keystorePath = keystorePath;
    this.keystorePassword = keystorePassword;
    this.keystoreType = keystoreType;
    this.keyPassword = keyPassword;
    this.readyMaxUnderReplicated = readyMaxUnderReplicated;
    this.cgroupRoot = cgroupRoot;
    this.jmxOnly = jmxOnly;
    this.scrapeThreads = scrapeThreads;
  }

  /** No auth, no TLS, no under-replicated check, cgroups at /sys/fs/cgroup. */
  public static AgentConfig defaults() {
    return new AgentConfig(null, null, false, null, null, DEFAULT_KEYSTORE_TYPE, null, null, Paths.get(DEFAULT_CGROUP_ROOT), false, defaultScrapeThreads());
  }

  /** Reads and checks a settings file; problems name the file and the key. */
  public static AgentConfig load(Path file) throws AgentStartException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new AgentStartException("cannot read config file " + file + ": " + describe(e));
    }
    return fromProperties(file.toString(), properties);
  }

  static AgentConfig fromProperties(String source, Properties properties) throws AgentStartException {
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!KEYS.contains(key)) {
        throw new AgentStartException(source + ": unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
      }
    }
    String user = value(properties, AUTH_USER);
    String hashText = value(properties, AUTH_PASSWORD_HASH);
    if ((user == null) != (hashText == null)) {
      throw new AgentStartException(source + ": " + AUTH_USER + " and " + AUTH_PASSWORD_HASH + " go together");
    }
    PasswordHash hash = null;
    if (hashText != null) {
      try {
        hash = PasswordHash.parse(hashText);
      } catch (IllegalArgumentException e) {
        throw new AgentStartException(source + ": " + AUTH_PASSWORD_HASH + ": " + e.getMessage());
      }
    }
    boolean healthOpen = bool(source, properties, HEALTH_OPEN);

    String keystore = value(properties, TLS_KEYSTORE_PATH);
    String keystorePassword = value(properties, TLS_KEYSTORE_PASSWORD);
    String keystoreType = value(properties, TLS_KEYSTORE_TYPE);
    String keyPassword = value(properties, TLS_KEY_PASSWORD);
    if (keystore == null && (keystorePassword != null || keystoreType != null || keyPassword != null)) {
      throw new AgentStartException(source + ": tls.* settings need " + TLS_KEYSTORE_PATH);
    }
    if (keystore != null && keystorePassword == null) {
      throw new AgentStartException(source + ": " + TLS_KEYSTORE_PATH + " needs " + TLS_KEYSTORE_PASSWORD);
    }

    Integer maxUnderReplicated = null;
    String max = value(properties, READY_MAX_UNDER_REPLICATED);
    if (max != null) {
      try {
        maxUnderReplicated = Integer.valueOf(max);
      } catch (NumberFormatException e) {
        maxUnderReplicated = -1;
      }
      if (maxUnderReplicated < 0) {
        throw new AgentStartException(
            source + ": " + READY_MAX_UNDER_REPLICATED + " must be a whole number >= 0, got '" + max + "'");
      }
    }
    String cgroupRoot = value(properties, CGROUP_ROOT);
    return new AgentConfig(
        user,
        hash,
        healthOpen,
        keystore == null ? null : Paths.get(keystore),
        keystorePassword,
        keystoreType == null ? DEFAULT_KEYSTORE_TYPE : keystoreType,
        keyPassword,
        maxUnderReplicated,
        Paths.get(cgroupRoot == null ? DEFAULT_CGROUP_ROOT : cgroupRoot),
        bool(source, properties, JMX_ONLY),
        scrapeThreads(source, properties));
  }

  /** The processors this JVM may use (its container's CPU limit), at most {@link #MAX_DEFAULT_SCRAPE_THREADS}. */
  static int defaultScrapeThreads() {
    return Math.max(1, Math.min(MAX_DEFAULT_SCRAPE_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  private static int scrapeThreads(String source, Properties properties) throws AgentStartException {
    String text = value(properties, SCRAPE_THREADS);
    if (text == null) {
      return defaultScrapeThreads();
    }
    int threads;
    try {
      threads = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      threads = 0;
    }
    if (threads < 1 || threads > MAX_SCRAPE_THREADS) {
      throw new AgentStartException(
          source + ": " + SCRAPE_THREADS + " must be a whole number from 1 to " + MAX_SCRAPE_THREADS + ", got '" + text + "'");
    }
    return threads;
  }

  /**
   * Threads that read the MBeans of one scrape and write its text, the scraping thread included: the
   * same work, spread so that the scrape ends sooner. 1 does everything on the scraping thread.
   */
  public int scrapeThreads() {
    return scrapeThreads;
  }

  /**
   * True: every metric is read through the MBean server, none from Kafka's metric objects inside the
   * broker (the same values, slower; for ruling the in-process reads out).
   */
  public boolean jmxOnly() {
    return jmxOnly;
  }

  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  private static boolean bool(String source, Properties properties, String key) throws AgentStartException {
    String value = value(properties, key);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new AgentStartException(source + ": " + key + " must be true or false, got '" + value + "'");
  }

  static String describe(Exception e) {
    String name = e.getClass().getSimpleName();
    if (name.equals("NoSuchFileException")) {
      return "no such file";
    }
    if (name.equals("AccessDeniedException")) {
      return "permission denied";
    }
    return e.getMessage() == null ? name : e.getMessage();
  }

  /** True when basic auth is configured. */
  public boolean hasAuth() {
    return authUser != null;
  }

  public String authUser() {
    return authUser;
  }

  public PasswordHash authPasswordHash() {
    return authPasswordHash;
  }

  /** True when the health endpoints answer without credentials. */
  public boolean healthOpen() {
    return healthOpen;
  }

  /** True when TLS is configured. */
  public boolean hasTls() {
    return keystorePath != null;
  }

  public Path keystorePath() {
    return keystorePath;
  }

  public char[] keystorePassword() {
    return keystorePassword == null ? null : keystorePassword.toCharArray();
  }

  public String keystoreType() {
    return keystoreType;
  }

  /** The key password, or null to use the keystore password. */
  public char[] keyPassword() {
    return keyPassword == null ? null : keyPassword.toCharArray();
  }

  /** The readiness limit on under-replicated partitions, or null when not checked. */
  public Integer readyMaxUnderReplicated() {
    return readyMaxUnderReplicated;
  }

  public Path cgroupRoot() {
    return cgroupRoot;
  }
}
