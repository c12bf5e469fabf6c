package dev.brokerwatch.agent.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupMemoryCollectorTest {
  private static final long MIB = 1024 * 1024;

  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "metric kafka_memory_usage_bytes gauge\n  help usage\n  cgroup usage\n"
          + "metric kafka_memory_limit_bytes gauge\n  help limit\n  cgroup limit\n"
          + "metric kafka_memory_rss_bytes gauge\n  help rss\n  cgroup rss\n"
          + "metric kafka_memory_inactive_file_bytes gauge\n  help inactive\n  cgroup inactive_file\n"
          + "metric kafka_memory_working_set_bytes gauge\n  help ws\n  cgroup working_set\n"
          + "metric kafka_memory_oom_ratio gauge\n  help oom\n  cgroup oom_ratio\n"
          + "metric kafka_memory_oom_floor_ratio gauge\n  help floor\n  cgroup oom_floor_ratio\n";

  @TempDir Path root;
  private final ScrapeErrors errors = new ScrapeErrors();

  @Test
  void readsCgroupV2WithALimit() throws Exception {
    writeV2(root, "1000", "2000", 300, 200);

    Map<String, Double> values = collect(CgroupLocator.locate(root, root.resolve("no-proc")), MAPPING);

    assertThat(values)
        .containsEntry("kafka_memory_usage_bytes", 1000 * (double) MIB)
        .containsEntry("kafka_memory_limit_bytes", 2000 * (double) MIB)
        .containsEntry("kafka_memory_rss_bytes", 300 * (double) MIB)
        .containsEntry("kafka_memory_inactive_file_bytes", 200 * (double) MIB)
        .containsEntry("kafka_memory_working_set_bytes", 800 * (double) MIB)
        .containsEntry("kafka_memory_oom_ratio", 0.4)
        .containsEntry("kafka_memory_oom_floor_ratio", 0.15);
    assertThat(errors.total()).isZero();
  }

  @Test
  void cgroupV2WithoutALimitLeavesOutTheLimitAndTheRatios() throws Exception {
    writeV2(root, "1000", "max", 300, 200);

    Map<String, Double> values = collect(CgroupLocator.locate(root, root.resolve("no-proc")), MAPPING);

    assertThat(values.keySet())
        .containsExactlyInAnyOrder(
            "kafka_memory_usage_bytes",
            "kafka_memory_rss_bytes",
            "kafka_memory_inactive_file_bytes",
            "kafka_memory_working_set_bytes");
    assertThat(errors.total()).isZero();
  }

  @Test
  void readsCgroupV1WithALimit() throws Exception {
    Path memory = root.resolve("memory");
    writeV1(memory, 1000 * MIB, 4000 * MIB, 500, 1500);

    CgroupMemoryReader reader = CgroupLocator.locate(root, root.resolve("no-proc"));
    Map<String, Double> values = collect(reader, MAPPING);

    assertThat(reader).isInstanceOf(CgroupV1Reader.class);
    assertThat(values)
        .containsEntry("kafka_memory_usage_bytes", 1000 * (double) MIB)
        .containsEntry("kafka_memory_limit_bytes", 4000 * (double) MIB)
        .containsEntry("kafka_memory_rss_bytes", 500 * (double) MIB)
        .containsEntry("kafka_memory_working_set_bytes", 0.0)
        .containsEntry("kafka_memory_oom_ratio", 0.0)
        .containsEntry("kafka_memory_oom_floor_ratio", 0.125);
  }

  @Test
  void cgroupV1NearLongMaxMeansNoLimit() throws Exception {
    writeV1(root.resolve("memory"), 1000 * MIB, 9223372036854771712L, 500, 100);

    Map<String, Double> values = collect(CgroupLocator.locate(root, root.resolve("no-proc")), MAPPING);

    assertThat(values).doesNotContainKeys("kafka_memory_limit_bytes", "kafka_memory_oom_ratio", "kafka_memory_oom_floor_ratio");
    assertThat(values).containsEntry("kafka_memory_working_set_bytes", 900 * (double) MIB);
  }

  @Test
  void findsTheProcessCgroupFromProcSelfCgroupOnAHost() throws Exception {
    Path slice = root.resolve("system.slice/kafka.service");
    writeV2(slice, "100", "400", 50, 10);
    Path proc = root.resolve("proc-self-cgroup");
    write(proc, "0::/system.slice/kafka.service\n");

    CgroupMemoryReader reader = CgroupLocator.locate(root, proc);

    assertThat(reader.directory()).isEqualTo(slice);
    assertThat(collect(reader, MAPPING)).containsEntry("kafka_memory_oom_ratio", 0.225);
  }

  @Test
  void findsAV1MemoryCgroupFromProcSelfCgroup() throws Exception {
    Path group = root.resolve("memory/docker/abc");
    writeV1(group, 100 * MIB, 200 * MIB, 50, 10);
    Path proc = root.resolve("proc-self-cgroup");
    write(proc, "12:cpu,cpuacct:/docker/abc\n7:memory:/docker/abc\n");

    assertThat(CgroupLocator.locate(root, proc).directory()).isEqualTo(group);
  }

  @Test
  void exportsOnlyTheFieldsTheMappingNames() throws Exception {
    writeV2(root, "1000", "2000", 300, 200);
    String onlyOom = "brokerwatch-mapping 1\nmetric my_oom gauge\n  cgroup oom_ratio\n";

    assertThat(collect(CgroupLocator.locate(root, root.resolve("no-proc")), onlyOom)).containsOnlyKeys("my_oom");
  }

  @Test
  void exportsNothingWithoutACgroup() throws Exception {
    assertThat(CgroupLocator.locate(root, root.resolve("no-proc"))).isNull();
    assertThat(collect(null, MAPPING)).isEmpty();
    assertThat(errors.total()).isZero();
  }

  @Test
  void anUnreadableFileCostsTheScrapeNothingButItsSamples() throws Exception {
    writeV2(root, "1000", "2000", 300, 200);
    CgroupMemoryReader reader = CgroupLocator.locate(root, root.resolve("no-proc"));
    Files.delete(root.resolve("memory.stat"));

    assertThat(collect(reader, MAPPING)).isEmpty();
    assertThat(errors.count("kafka_memory_usage_bytes", ScrapeErrorReason.READ_FAILED)).isEqualTo(1);
  }

  private Map<String, Double> collect(CgroupMemoryReader reader, String mappingText) throws Exception {
    Mapping mapping = MappingReader.parse("cgroup.mapping", mappingText.getBytes(StandardCharsets.UTF_8));
    MetricSnapshots snapshots = new CgroupMemoryCollector(reader, mapping.cgroupMetrics(), errors).collect();
    Map<String, Double> values = new LinkedHashMap<>();
    for (MetricSnapshot snapshot : snapshots) {
      values.put(snapshot.getMetadata().getName(), ((GaugeSnapshot) snapshot).getDataPoints().get(0).getValue());
    }
    return values;
  }

  private static void writeV2(Path dir, String currentMib, String maxMib, long anonMib, long inactiveFileMib)
      throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("memory.current"), mib(currentMib) + "\n");
    write(dir.resolve("memory.max"), mib(maxMib) + "\n");
    write(
        dir.resolve("memory.stat"),
        "anon " + anonMib * MIB + "\nfile " + 2 * inactiveFileMib * MIB + "\nkernel 1234\n"
            + "active_file " + inactiveFileMib * MIB + "\ninactive_file " + inactiveFileMib * MIB + "\n");
  }

  private static void writeV1(Path dir, long usage, long limit, long rssMib, long inactiveFileMib) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("memory.usage_in_bytes"), usage + "\n");
    write(dir.resolve("memory.limit_in_bytes"), limit + "\n");
    write(
        dir.resolve("memory.stat"),
        "cache 1\nrss 2\ninactive_file 3\ntotal_cache 4\ntotal_rss " + rssMib * MIB
            + "\ntotal_inactive_file " + inactiveFileMib * MIB + "\n");
  }

  private static String mib(String value) {
    return value.equals("max") ? "max" : String.valueOf(Long.parseLong(value) * MIB);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
  }
}
