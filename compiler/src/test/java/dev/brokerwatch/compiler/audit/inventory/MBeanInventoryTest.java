package dev.brokerwatch.compiler.audit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MBeanInventoryTest {
    @Test
    void keyPropertiesKeepRegistrationOrderAndQuotedValues() {
        assertThat(KeyProperties.parse("type=Log,name=Size,topic=orders,partition=0").keySet())
                .as("jmx_exporter matches keys in the order the MBean was registered with, not sorted")
                .containsExactly("type", "name", "topic", "partition");
        assertThat(KeyProperties.parse("type=LogCleanerManager,logDirectory=\"/var/lib/a,b\"").get("logDirectory"))
                .as("a quoted value keeps its quotes and may hold a comma").isEqualTo("\"/var/lib/a,b\"");
    }

    @Test
    void recordingTheTestJvmGeneralizesNothingItDoesNotKnowAndReadsCompositeItems() throws Exception {
        MBeanInventory inventory = InventoryRecorder.record(ManagementFactory.getPlatformMBeanServer(), "test", "broker");
        InventoryMBean memory = inventory.mbeans().stream().filter(m -> m.generalizedName().equals("java.lang:type=Memory")).findFirst().orElseThrow();
        assertThat(memory.kind()).as("the JVM's own MBeans").isEqualTo(MBeanKind.JVM);
        InventoryAttribute heap = memory.attributes().stream().filter(a -> a.name().equals("HeapMemoryUsage")).findFirst().orElseThrow();
        assertThat(heap.items()).extracting(InventoryAttribute::name).as("a composite attribute's items, sorted")
                .containsExactly("committed", "init", "max", "used");
    }

    @Test
    void writingThenReadingGivesTheSameInventory(@TempDir Path dir) throws Exception {
        MBeanInventory inventory = InventoryRecorder.record(ManagementFactory.getPlatformMBeanServer(), "test", "broker");
        Path file = dir.resolve("jvm.inventory.gz");
        inventory.write(file);
        MBeanInventory read = MBeanInventory.read(file);
        assertThat(read.toText()).as("the text form survives a round trip through a gzip file").isEqualTo(inventory.toText());
        assertThat(read).as("and reads back to equal records").isEqualTo(inventory);
    }

    @Test
    void aMalformedInventoryNamesTheLine() {
        String text = "inventory 1\nkafka 4.1.2\nrole broker\nmbean kafka.server:type=X\n  colour blue\n";
        assertThatThrownBy(() -> MBeanInventory.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.inventory"))
                .as("an unknown line is reported with file and line").hasMessage("x.inventory:5: unknown line 'colour'");
    }

    @Test
    void everyRecordedVersionAndRoleIsShippedAndReadable() {
        for (String version : MBeanInventories.VERSIONS) {
            for (String role : MBeanInventories.ROLES) {
                Optional<MBeanInventory> found = MBeanInventories.find(version, role);
                assertThat(found).as("shipped inventory of Kafka %s (%s)", version, role).isPresent();
                assertThat(found.get().kafkaVersion()).as("its recorded version").isEqualTo(version);
                assertThat(found.get().role()).as("its recorded role").isEqualTo(role);
            }
        }
    }

    @Test
    void aMinorVersionPicksTheNewestRecordedPatch() {
        assertThat(MBeanInventories.find("4.1", "broker")).map(MBeanInventory::kafkaVersion).as("--kafka 4.1").contains("4.1.2");
        assertThat(MBeanInventories.find("2.8", "broker")).as("a version never recorded").isEmpty();
    }

    @Test
    void brokerInventoriesHavePerTopicAndPerPartitionMBeansWithOneExample() {
        MBeanInventory broker = MBeanInventories.find("4.1.2", "broker").orElseThrow();
        InventoryMBean size = broker.mbeans().stream()
                .filter(m -> m.generalizedName().equals("kafka.log:type=Log,name=Size,topic={topic},partition={partition}")).findFirst().orElseThrow();
        assertThat(size.instances()).as("one Size MBean per recorded partition").isGreaterThan(1);
        assertThat(size.example().keySet()).as("one example value per generalized key").containsExactlyInAnyOrder("topic", "partition");
        assertThat(List.of(size.kind())).as("Log Size is a Yammer gauge").containsExactly(MBeanKind.YAMMER_GAUGE);
    }

    @Test
    void shippedFilesAreTheOnesListed() throws Exception {
        Path folder = Path.of("src/main/resources" + MBeanInventories.FOLDER);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as("files in %s", folder)
                    .hasSize(MBeanInventories.VERSIONS.size() * MBeanInventories.ROLES.size());
        }
    }
}
