package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jmx-inventory FILE} on {@code audit} and {@code import}: a recorded inventory in place of the shipped one,
 * the target taken from it, and every way the option or the file can be wrong (exit 2, one line, no stack trace).
 */
class JmxInventoryOptionTest {
    /** The MBean the test recording lacks; the shipped Kafka 4.1.2 broker inventory has it. */
    private static final String REMOVED = "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions";

    private static final String CONFIG = """
            rules:
              - pattern: kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value
                name: kafka_server_replicamanager_underreplicatedpartitions
                type: GAUGE
            """;

    private static final String RULES = """
            groups:
            - name: kafka
              rules:
              - alert: UnderReplicated
                expr: sum by (pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                for: 10m
            """;

    @TempDir
    Path dir;
    private Path config;
    private Path rules;
    /** The shipped 4.1.2 broker inventory without {@link #REMOVED}, saved as recorded on Kafka 4.1.1. */
    private Path recorded;

    @BeforeEach
    void writeInputs() throws IOException {
        config = Cli.write(dir, "exporter/kafka-metrics.yaml", CONFIG);
        rules = Cli.write(dir, "rules/rules.yml", RULES);
        recorded = dir.resolve("broker-1.inventory.gz");
        recording("4.1.1", "broker").write(recorded);
    }

    private static MBeanInventory recording(String version, String role) {
        MBeanInventory shipped = MBeanInventories.find("4.1.2", "broker").orElseThrow();
        assertThat(shipped.mbeans()).extracting(InventoryMBean::generalizedName)
                .as("the shipped inventory has the MBean the test takes out").contains(REMOVED);
        return new MBeanInventory(version, role,
                shipped.mbeans().stream().filter(m -> !m.generalizedName().equals(REMOVED)).toList());
    }

    private Cli audit(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = rules.toString();
        return Cli.run(args);
    }

    /** A usage error: exit 2 and one line on standard error naming every fragment, no stack trace. */
    private static void assertUsageError(Cli cli, String... fragments) {
        assertThat(cli.exitCode()).as("exit code of a usage error; output:%n%s", cli.all()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().strip().lines()).as("one line on standard error").hasSize(1);
        assertThat(cli.err()).as("what is wrong and how to fix it").contains(fragments);
        assertThat(cli.err()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
    }

    // --- the recorded inventory in place of the shipped one ----------------------------------------------

    @Test
    void theShippedInventoryHasTheMBeanTheRuleMatches() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--kafka", "4.1", "--role", "broker");
        assertThat(cli.out()).as("against the shipped 4.1.2 broker inventory the rule matches and the series exists")
                .doesNotContain("exporter/rule-unused").doesNotContain("unknown metric");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aRecordingWithoutTheMBeanMakesTheRuleUnused() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString());
        assertThat(cli.out()).as("the rule matches nothing in the recording, so its series is unknown to the alert")
                .contains("warning[exporter/rule-unused]")
                .contains("unknown metric kafka_server_replicamanager_underreplicatedpartitions");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void theVersionAndRoleAreTheRecordings() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString());
        assertThat(cli.out()).as("without --kafka and --role (defaults 4.1, combined) the audit is of what the file records")
                .contains("matches no MBean attribute of Kafka 4.1.1 (broker)");
    }

    @Test
    void importWritesTheCatalogForTheRecordedTarget() {
        Cli cli = Cli.run("import", "--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString(), rules.toString());
        assertThat(cli.out()).as("the catalog's head names the recording's version and role")
                .contains("produces them on Kafka 4.1.1 (broker nodes)");
        assertThat(cli.out()).as("the recording lacks the MBean, so the series is only listed as not produced")
                .doesNotContain("external metric kafka_server_replicamanager_underreplicatedpartitions");
    }

    @Test
    void theStrimziReporterReadsTheRecordingToo() {
        Cli shipped = audit("--exporter", "strimzi-reporter", "--kafka", "4.1", "--role", "broker");
        assertThat(shipped.out()).as("the reporter exposes the shipped inventory's MBean").doesNotContain("unknown metric");
        Cli cli = audit("--exporter", "strimzi-reporter", "--jmx-inventory", recorded.toString());
        assertThat(cli.out()).as("the recording lacks the MBean, so the reporter does not expose it")
                .contains("unknown metric kafka_server_replicamanager_underreplicatedpartitions");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
    }

    // --- --kafka and --role next to the recording -------------------------------------------------------

    @Test
    void kafkaAndRoleThatAgreeWithTheRecordingAreAccepted() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString(), "--kafka", "4.1",
                "--role", "broker");
        assertThat(cli.err()).as("--kafka 4.1 names the minor version of 4.1.1, as it picks a shipped inventory").isEmpty();
        assertThat(cli.out()).as("the recording's exact version is used").contains("Kafka 4.1.1 (broker)");
    }

    @Test
    void aContradictingKafkaVersionIsAUsageError() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString(), "--kafka", "3.9");
        assertUsageError(cli, "--kafka 3.9 contradicts --jmx-inventory " + recorded, "recorded on Kafka 4.1.1", "drop --kafka");
    }

    @Test
    void aContradictingRoleIsAUsageError() {
        Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString(), "--role", "controller");
        assertUsageError(cli, "--role controller contradicts --jmx-inventory " + recorded, "recorded on a broker node", "drop --role");
    }

    @Test
    void aRecordingWithoutAVersionNeedsKafka() throws IOException {
        Path unknown = dir.resolve("unknown.inventory.gz");
        recording("unknown", "broker").write(unknown);
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", unknown.toString()),
                "records no usable Kafka version ('unknown')", "--kafka VERSION");
        Cli given = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", unknown.toString(), "--kafka", "4.1");
        assertThat(given.err()).as("with --kafka the recording is used").isEmpty();
        assertThat(given.out()).as("and checked against").contains("exporter/rule-unused");
    }

    // --- models that read no inventory ------------------------------------------------------------------

    @Test
    void theBrokerwatchModelWithAnInventoryIsAUsageError() {
        assertUsageError(audit("--exporter", "brokerwatch", "--jmx-inventory", recorded.toString()),
                "is only used by the jmx-exporter and strimzi-reporter models", "--exporter brokerwatch");
    }

    @Test
    void auditsDefaultModelWithAnInventoryIsAUsageError() {
        assertUsageError(audit("--jmx-inventory", recorded.toString()),
                "is only used by the jmx-exporter and strimzi-reporter models", "--exporter brokerwatch");
    }

    @Test
    void importWithAnInventoryButNoExporterIsAUsageError() {
        assertUsageError(Cli.run("import", "--jmx-inventory", recorded.toString(), rules.toString()),
                "--jmx-inventory " + recorded + " needs --exporter", "jmx-exporter and strimzi-reporter");
    }

    @Test
    void theModelIsCheckedBeforeTheFileIsRead() {
        assertUsageError(audit("--exporter", "brokerwatch", "--jmx-inventory", dir.resolve("missing.gz").toString()),
                "only used by the jmx-exporter and strimzi-reporter models");
    }

    // --- the file: gzip or plain, and broken ------------------------------------------------------------

    @Test
    void aPlainTextRecordingReadsAsTheGzipOne() throws IOException {
        Path plain = Files.writeString(dir.resolve("broker-1.inventory"), recording("4.1.1", "broker").toText());
        Cli fromGzip = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", recorded.toString());
        Cli fromPlain = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", plain.toString());
        assertThat(fromPlain.err()).as("a plain text inventory is accepted").isEmpty();
        assertThat(fromPlain.out()).as("and gives the same audit as the gzip-compressed one").isEqualTo(fromGzip.out());
    }

    @Test
    void gzipIsToldByItsContentNotItsName() throws IOException {
        Path gzipNamedPlain = Files.write(dir.resolve("broker-1.txt"), Files.readAllBytes(recorded));
        Path plainNamedGzip = Files.writeString(dir.resolve("plain.inventory.gz"), recording("4.1.1", "broker").toText());
        for (Path file : new Path[] {gzipNamedPlain, plainNamedGzip}) {
            Cli cli = audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", file.toString());
            assertThat(cli.err()).as("%s is read whatever its name says", file.getFileName()).isEmpty();
            assertThat(cli.out()).as("and checked against").contains("Kafka 4.1.1 (broker)");
        }
    }

    @Test
    void aMissingFileIsAUsageError() {
        Path missing = dir.resolve("missing.inventory.gz");
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", missing.toString()),
                "--jmx-inventory " + missing + ": no such file", "brokerwatch record --jmx URL --out FILE");
    }

    @Test
    void aFolderIsAUsageError() {
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", dir.toString()),
                "--jmx-inventory " + dir + ": is a folder");
    }

    @Test
    void aFileThatIsNoInventoryIsAUsageError() {
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", config.toString()),
                "--jmx-inventory " + config + ":1: not a brokerwatch MBean inventory", "it starts with 'rules:'");
    }

    @Test
    void aGzippedFileThatIsNoInventoryIsAUsageError() throws IOException {
        Path gzipped = dir.resolve("rules.yml.gz");
        Files.write(gzipped, gzip(RULES.getBytes(StandardCharsets.UTF_8)));
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", gzipped.toString()),
                "not a brokerwatch MBean inventory", "it starts with 'groups:'");
    }

    @Test
    void aTruncatedGzipFileIsAUsageError() throws IOException {
        byte[] whole = Files.readAllBytes(recorded);
        Path truncated = Files.write(dir.resolve("truncated.inventory.gz"), Arrays.copyOf(whole, whole.length / 2));
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", truncated.toString()),
                "--jmx-inventory " + truncated + ": the gzip data ends early", "re-record it");
    }

    @Test
    void aCorruptGzipFileIsAUsageError() throws IOException {
        byte[] bytes = Files.readAllBytes(recorded);
        for (int i = 20; i < bytes.length - 8; i += 7) {
            bytes[i] = (byte) ~bytes[i]; // the deflate data garbled, the gzip header intact
        }
        Path corrupt = Files.write(dir.resolve("corrupt.inventory.gz"), bytes);
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", corrupt.toString()),
                "--jmx-inventory " + corrupt + ": corrupt gzip data");
    }

    @Test
    void anEmptyFileIsAUsageError() throws IOException {
        Path empty = Files.write(dir.resolve("empty.inventory"), new byte[0]);
        assertUsageError(audit("--exporter", "jmx-exporter:" + config, "--jmx-inventory", empty.toString()),
                "not a brokerwatch MBean inventory: it is empty");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
