package dev.brokerwatch.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LabelValueTableTest {
  private static final Labels BASE = Labels.of("node", "1", "current_state", "", "zone", "a");

  @Test
  void aValueReplacesTheEmptyValueLabelAndKeepsTheOthers() {
    LabelValueTable table = new LabelValueTable(BASE, "current_state");

    int leader = table.indexOf("leader");

    assertThat((Object) table.labels(leader)).isEqualTo(Labels.of("current_state", "leader", "node", "1", "zone", "a"));
    assertThat(new String(table.labelText(leader), StandardCharsets.UTF_8))
        .isEqualTo("current_state=\"leader\",node=\"1\",zone=\"a\"");
    assertThat(table.indexOf("leader")).isEqualTo(leader);
    assertThat(table.indexOf(new String("leader"))).as("equal, not only the same object").isEqualTo(leader);
  }

  @Test
  void keepsAtMostThirtyTwoValuesAndRefusesTheRest() {
    LabelValueTable table = new LabelValueTable(BASE, "current_state");
    for (int i = 0; i < LabelValueTable.MAX_VALUES; i++) {
      assertThat(table.indexOf("v" + i)).isEqualTo(i);
    }

    assertThat(table.indexOf("v32")).isEqualTo(LabelValueTable.REFUSED);
    assertThat(table.indexOf("v0")).isZero();
    assertThat(table.indexOf("v31")).isEqualTo(31);
    assertThat(table.size()).isEqualTo(LabelValueTable.MAX_VALUES);
  }

  @Test
  void needsTheValueLabelInItsBase() {
    assertThatThrownBy(() -> new LabelValueTable(Labels.of("node", "1"), "current_state"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentLookupsAgreeOnOneIndexPerValue() throws Exception {
    LabelValueTable table = new LabelValueTable(BASE, "current_state");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Map<String, Integer>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  Map<String, Integer> seen = new HashMap<>();
                  for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < 48; i++) {
                      String value = "v" + ((i + offset * 5) % 48);
                      int index = table.indexOf(value);
                      Integer before = seen.putIfAbsent(value, index);
                      if (before != null && before != index) {
                        throw new AssertionError(value + " was " + before + ", now " + index);
                      }
                    }
                  }
                  return seen;
                }));
      }
      start.countDown();
      Map<String, Integer> agreed = new HashMap<>();
      for (Future<Map<String, Integer>> result : results) {
        for (Map.Entry<String, Integer> entry : result.get(60, TimeUnit.SECONDS).entrySet()) {
          Integer other = agreed.putIfAbsent(entry.getKey(), entry.getValue());
          assertThat(other == null ? entry.getValue() : other).as(entry.getKey()).isEqualTo(entry.getValue());
        }
      }
      long kept = agreed.values().stream().filter(index -> index != LabelValueTable.REFUSED).count();
      assertThat(kept).isEqualTo(LabelValueTable.MAX_VALUES);
      assertThat(table.size()).isEqualTo(LabelValueTable.MAX_VALUES);
      for (Map.Entry<String, Integer> entry : agreed.entrySet()) {
        if (entry.getValue() != LabelValueTable.REFUSED) {
          assertThat(table.labels(entry.getValue()).get("current_state")).isEqualTo(entry.getKey());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
