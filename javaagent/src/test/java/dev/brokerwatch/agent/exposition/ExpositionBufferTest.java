package dev.brokerwatch.agent.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpositionBufferTest {
  @Test
  void growsAsNeededAndKeepsEverythingInOrder() {
    ExpositionBuffer buffer = new ExpositionBuffer(16);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      String line = "line " + i + "\n";
      buffer.appendAscii(line);
      expected.append(line);
    }
    buffer.append("é".getBytes(StandardCharsets.UTF_8));
    buffer.write('!');

    assertThat(buffer.toUtf8String()).isEqualTo(expected + "é!");
    assertThat(buffer.size()).isEqualTo(expected.length() + 3);
  }

  @Test
  void isAnOutputStreamForTheLibrarysWriters() throws Exception {
    ExpositionBuffer buffer = new ExpositionBuffer();
    buffer.appendAscii("a");
    buffer.write("bcd".getBytes(StandardCharsets.US_ASCII), 1, 2);

    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    buffer.writeTo(copy);

    assertThat(copy.toString("US-ASCII")).isEqualTo("acd");
    assertThat(buffer.toByteArray()).containsExactly('a', 'c', 'd');
  }

  @Test
  void truncateDropsTheTail() {
    ExpositionBuffer buffer = new ExpositionBuffer();
    buffer.appendAscii("keep|drop");

    buffer.truncate(4);

    assertThat(buffer.toUtf8String()).isEqualTo("keep");
    assertThatThrownBy(() -> buffer.truncate(5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resetKeepsTheArrayForTheNextScrape() {
    ExpositionBuffer buffer = new ExpositionBuffer();
    buffer.append(new byte[1_000_000]);
    int capacity = buffer.capacity();

    buffer.reset();
    buffer.append(new byte[900_000]);

    assertThat(buffer.capacity()).as("no new array for a similar response").isEqualTo(capacity);
  }

  @Test
  void aMuchSmallerResponseLetsThePastPeakGo() {
    ExpositionBuffer buffer = new ExpositionBuffer();
    buffer.append(new byte[8_000_000]);
    buffer.releaseExcess();
    assertThat(buffer.capacity()).as("kept while in use").isGreaterThanOrEqualTo(8_000_000);

    buffer.reset();
    buffer.append(new byte[100_000]);
    buffer.releaseExcess();

    assertThat(buffer.capacity()).isLessThan(1_000_000);
  }
}
