package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void roundTripsThroughItsWrittenForm() {
    PasswordHash hash = PasswordHash.create("s3cret".toCharArray(), 10_000);
    String written = hash.toString();

    assertThat(written).matches("pbkdf2-sha256:10000:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
    PasswordHash parsed = PasswordHash.parse(written);
    assertThat(parsed.matches("s3cret".toCharArray())).isTrue();
    assertThat(parsed.matches("s3cret ".toCharArray())).isFalse();
    assertThat(PasswordHash.create("s3cret".toCharArray(), 10_000).toString()).as("fresh salt").isNotEqualTo(written);
  }

  @Test
  void rejectsMalformedHashes() {
    assertThatThrownBy(() -> PasswordHash.parse("sha1:1:a:b")).hasMessageStartingWith("expected pbkdf2-sha256:");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:ten:AAAA:AAAA")).hasMessage("iterations 'ten' is not a number");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:100:AAAA:AAAA")).hasMessage("at least 10000 iterations, got 100");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:10000:!!:AAAA")).hasMessage("salt and hash must be base64");
  }

  @Test
  void theHashPasswordCommandReadsStandardInput() throws Exception {
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream("hunter2\n".getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, "UTF-8"));
      HashPassword.main(new String[] {"20000"});
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
    }
    String line = out.toString("UTF-8").trim();
    assertThat(line).startsWith("pbkdf2-sha256:20000:");
    assertThat(PasswordHash.parse(line).matches("hunter2".toCharArray())).isTrue();
  }
}
