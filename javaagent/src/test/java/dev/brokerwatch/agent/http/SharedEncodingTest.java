package dev.brokerwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scrapes that share a collection and ask for one format share its encoding: written once, sent to
 * each, and given back to the buffer pool when the collection closes.
 */
class SharedEncodingTest {
  private static final int SCRAPES = 8;

  @Test
  void scrapesOfOneCollectionInOneFormatGetOneEncoding() throws Exception {
    ScrapeCollection collection = ScrapeCollection.collect(new PrometheusRegistry(), null);
    AtomicInteger encodings = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService scrapes = Executors.newFixedThreadPool(SCRAPES);
    List<Future<ExpositionBuffer>> answers = new ArrayList<>();
    for (int i = 0; i < SCRAPES; i++) {
      answers.add(scrapes.submit(() -> {
        start.await();
        return collection.rendered("PROMETHEUS_TEXT", () -> encode(encodings, "text"), buffer -> {});
      }));
    }
    start.countDown();
    List<ExpositionBuffer> bodies = new ArrayList<>();
    for (Future<ExpositionBuffer> answer : answers) {
      bodies.add(answer.get(10, TimeUnit.SECONDS));
    }
    scrapes.shutdown();

    assertThat(encodings.get()).as("encodings for %d concurrent scrapes in one format", SCRAPES).isEqualTo(1);
    assertThat(bodies).as("every scrape sends the one encoding").allMatch(b -> b == bodies.get(0));
    assertThat(new String(bodies.get(0).toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("text");
  }

  @Test
  void eachFormatIsEncodedOnceAndEveryEncodingGoesBackWhenTheCollectionCloses() throws Exception {
    ScrapeCollection collection = ScrapeCollection.collect(new PrometheusRegistry(), null);
    AtomicInteger encodings = new AtomicInteger();
    List<ExpositionBuffer> givenBack = new CopyOnWriteArrayList<>();
    ExpositionBuffer text = collection.rendered("PROMETHEUS_TEXT", () -> encode(encodings, "text"), givenBack::add);
    ExpositionBuffer openMetrics = collection.rendered("OPENMETRICS", () -> encode(encodings, "om"), givenBack::add);
    collection.rendered("PROMETHEUS_TEXT", () -> encode(encodings, "again"), givenBack::add);

    assertThat(encodings.get()).as("one encoding per format").isEqualTo(2);
    assertThat(givenBack).as("nothing given back while the collection is open").isEmpty();
    collection.close();
    assertThat(givenBack).as("both encodings back in the pool once the collection closed")
        .containsExactlyInAnyOrder(text, openMetrics);
    assertThatThrownBy(() -> collection.rendered("PROMETHEUS_TEXT", () -> encode(encodings, "late"), givenBack::add))
        .as("a closed collection's buffers may be in use elsewhere").isInstanceOf(IllegalStateException.class);
  }

  private static ExpositionBuffer encode(AtomicInteger encodings, String content) {
    encodings.incrementAndGet();
    ExpositionBuffer buffer = new ExpositionBuffer();
    buffer.append(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return buffer;
  }
}
