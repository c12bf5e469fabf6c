package dev.brokerwatch.agent.jmx;

import static dev.brokerwatch.agent.testing.Beans.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.testing.InterceptingMBeanServer;
import dev.brokerwatch.agent.testing.ReadOnlyBean;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Yammer histogram's {@code _sum} is its lifetime Mean x Count, and both come from one {@code getAttributes}
 * call, so the sum belongs to the same state of the histogram as the count even while requests are recorded.
 */
class SummarySumTest {
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name test\n"
          + "metric kafka_network_requestmetrics_totaltimems summary\n"
          + "  help Request time (ms)\n"
          + "  jmx kafka.network:type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    label request request\n";

  private final InterceptingMBeanServer intercepted = new InterceptingMBeanServer();
  private final MBeanServer server = intercepted.server();
  private KafkaJmxCollector collector;

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void sumIsMeanTimesCountOfTheOneStateThatOneGetAttributesCallReturned() throws Exception {
    RecordingHistogram histogram = new RecordingHistogram();
    register(intercepted.target(), "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", histogram);
    Mapping mapping = MappingReader.parse("test.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), new ScrapeErrors(), new ScrapeDuration());
    int bulkBefore = intercepted.calls("getAttributes");

    for (int scrape = 1; scrape <= 3; scrape++) {
      SummarySnapshot summary = (SummarySnapshot) KafkaJmxCollectorTest.find(collector.collect(),
          "kafka_network_requestmetrics_totaltimems");
      SummarySnapshot.SummaryDataPointSnapshot point = summary.getDataPoints().get(0);
      long count = histogram.servedCount;
      double mean = histogram.servedMean;
      assertThat(point.getCount()).as("scrape %d: _count is the Count of the state served", scrape).isEqualTo(count);
      assertThat(point.getSum()).as("scrape %d: _sum is Mean x Count of that same state", scrape)
          .isEqualTo(mean * count);
    }
    assertThat(intercepted.calls("getAttributes") - bulkBefore).as("one bulk read per scrape").isEqualTo(3);
    assertThat(intercepted.calls("getAttribute")).as("no attribute read on its own").isZero();
  }

  /**
   * A histogram that records more requests between any two reads: state k has Count 10k and Mean k, so a Mean
   * and a Count read in two calls would never multiply to the sum of one state.
   */
  static final class RecordingHistogram extends ReadOnlyBean {
    private long state;
    volatile long servedCount;
    volatile double servedMean;

    @Override
    public synchronized Object getAttribute(String attribute) {
      state++;
      return value(attribute);
    }

    @Override
    public synchronized AttributeList getAttributes(String[] attributes) {
      state++;
      servedCount = 10 * state;
      servedMean = state;
      AttributeList list = new AttributeList();
      Arrays.stream(attributes).forEach(a -> list.add(new Attribute(a, value(a))));
      return list;
    }

    private Object value(String attribute) {
      switch (attribute) {
        case "Count":
          return 10 * state;
        case "Mean":
          return (double) state;
        default:
          return 2.0 * state;
      }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      return infoOf("histogram", List.of());
    }
  }
}
