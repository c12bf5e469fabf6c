package dev.brokerwatch.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar: self-contained, relocated, an agent manifest, no compiler code. */
class AgentJarIT {
  private static final Path AGENT_JAR = Paths.get(System.getProperty("brokerwatch.agent.jar", "target/brokerwatch-agent.jar"));

  @Test
  void everyClassLivesUnderTheAgentPackage() throws Exception {
    List<String> strays = new ArrayList<>();
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("dev/brokerwatch/agent/")) {
          strays.add(name);
        }
        if (name.startsWith("org/antlr") || name.startsWith("dev/brokerwatch/compiler") || name.startsWith("dev/brokerwatch/dsl")) {
          strays.add(name);
        }
      }
      assertThat(jar.getEntry("kafka-default.mapping")).isNotNull();
      assertThat(jar.getEntry("dev/brokerwatch/agent/shaded/io/prometheus/metrics/model/registry/PrometheusRegistry.class"))
          .isNotNull();
    }
    assertThat(strays).isEmpty();
  }

  @Test
  void theManifestNamesTheAgentEntryPoints() throws Exception {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      Attributes attributes = jar.getManifest().getMainAttributes();
      assertThat(attributes.getValue("Premain-Class")).isEqualTo("dev.brokerwatch.agent.BrokerwatchAgent");
      assertThat(attributes.getValue("Agent-Class")).isEqualTo("dev.brokerwatch.agent.BrokerwatchAgent");
    }
  }
}
