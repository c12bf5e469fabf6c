package dev.brokerwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentArgumentsTest {

  @Test
  void portAlone() throws Exception {
    AgentArguments arguments = AgentArguments.parse("9404");
    assertThat(arguments.host()).isNull();
    assertThat(arguments.port()).isEqualTo(9404);
    assertThat(arguments.mappingFile()).isNull();
    assertThat(arguments.configFile()).isNull();
    assertThat(arguments.bindAddress().getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void hostAndPort() throws Exception {
    AgentArguments arguments = AgentArguments.parse("127.0.0.1:9404");
    assertThat(arguments.host()).isEqualTo("127.0.0.1");
    assertThat(arguments.port()).isEqualTo(9404);
    assertThat(arguments.bindAddress().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void hostPortAndMappingWhosePathMayContainColons() throws Exception {
    AgentArguments arguments = AgentArguments.parse("localhost:9404:/etc/brokerwatch/a:b.mapping");
    assertThat(arguments.host()).isEqualTo("localhost");
    assertThat(arguments.mappingFile()).isEqualTo(Paths.get("/etc/brokerwatch/a:b.mapping"));
  }

  @Test
  void portAndMapping() throws Exception {
    AgentArguments arguments = AgentArguments.parse("9404:/etc/kafka.mapping");
    assertThat(arguments.host()).isNull();
    assertThat(arguments.port()).isEqualTo(9404);
    assertThat(arguments.mappingFile()).isEqualTo(Paths.get("/etc/kafka.mapping"));
  }

  @Test
  void ipv6HostMappingAndConfig() throws Exception {
    AgentArguments arguments = AgentArguments.parse("[::1]:9404:/etc/kafka.mapping:config=/etc/agent.properties");
    assertThat(arguments.host()).isEqualTo("::1");
    assertThat(arguments.port()).isEqualTo(9404);
    assertThat(arguments.mappingFile()).isEqualTo(Paths.get("/etc/kafka.mapping"));
    assertThat(arguments.configFile()).isEqualTo(Paths.get("/etc/agent.properties"));
  }

  @Test
  void configWithoutMapping() throws Exception {
    AgentArguments arguments = AgentArguments.parse("0.0.0.0:9404:config=/etc/agent.properties");
    assertThat(arguments.host()).isEqualTo("0.0.0.0");
    assertThat(arguments.mappingFile()).isNull();
    assertThat(arguments.configFile()).isEqualTo(Paths.get("/etc/agent.properties"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|missing agent arguments, expected [host:]port[:mapping-file][:config=config-file]",
        "localhost|missing port in 'localhost', expected [host:]port[:mapping-file][:config=config-file]",
        "localhost:http|bad port 'http' in 'localhost:http', expected [host:]port[:mapping-file][:config=config-file]",
        "99999|port 99999 is out of range 0-65535",
        ":9404|empty host in ':9404', expected [host:]port[:mapping-file][:config=config-file]",
        "9404:|empty mapping file path in '9404:', expected [host:]port[:mapping-file][:config=config-file]",
        "9404:config=|empty config file path in '9404:config=', expected [host:]port[:mapping-file][:config=config-file]",
        "[::1]9404|bad IPv6 address in '[::1]9404', expected [address]:port"
      })
  void rejectsMalformedArguments(String text, String message) {
    assertThatThrownBy(() -> AgentArguments.parse(text)).isInstanceOf(AgentStartException.class).hasMessage(message);
  }
}
