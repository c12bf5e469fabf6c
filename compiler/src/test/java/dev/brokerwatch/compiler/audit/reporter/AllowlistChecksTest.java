package dev.brokerwatch.compiler.audit.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exporter/allowlist-unused} and where its findings point (the golden cases are in ExporterCheckCasesTest). */
class AllowlistChecksTest {
    static final AuditTarget BROKER = new AuditTarget("4.1", "broker");

    @Test
    void anInlineEntryThatReadsNothingPointsAtItsColumnInTheArgument() throws Exception {
        List<Diagnostic> findings = findings(StrimziAllowlist.fromArgument("kafka_log_log_size, kafka_log_log_siz"));
        assertThat(findings).as("only the misspelt entry reads nothing").hasSize(1);
        Diagnostic d = findings.get(0);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.span().location()).as("the second entry starts at column 21 of the argument").isEqualTo("--exporter:1:21");
        assertThat(d.span().text()).isEqualTo("kafka_log_log_siz");
        assertThat(d.hint()).as("the closest name is suggested").contains("did you mean 'kafka_log_log_size'?");
    }

    @Test
    void aPropertiesEntryOnAContinuedLinePointsAtItsOwnLine(@TempDir Path dir) throws Exception {
        Path p = write(dir, "server.properties",
                "broker.id=1\nprometheus.metrics.reporter.allowlist=kafka_log_.*,\\\n  kafka_server_replica_manager_.*\n");
        List<Diagnostic> findings = findings(StrimziAllowlist.fromArgument(p.toString()));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).span().line()).isEqualTo(3);
        assertThat(findings.get(0).span().column()).isEqualTo(3);
        assertThat(findings.get(0).hint()).contains("did you mean 'kafka_server_replicamanager.*'?");
    }

    @Test
    void anEntryWrittenWithAPropertiesEscapeIsReportedAtItsSetting(@TempDir Path dir) throws Exception {
        // the file's \\. reads as \. : the text of the entry is not in the file as read
        Path p = write(dir, "server.properties", "prometheus.metrics.reporter.allowlist=kafka_nosuch\\\\.metric\n");
        List<Diagnostic> findings = findings(StrimziAllowlist.fromArgument(p.toString()));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).span().location()).as("just past the setting's key")
                .endsWith("server.properties:1:38");
    }

    @Test
    void defaultsNobodyWroteAreNotChecked() {
        StrimziAllowlist operatorDefault = new StrimziAllowlist(StrimziAllowlist.OPERATOR_DEFAULT, "the operator's default");
        assertThat(operatorDefault.written()).isFalse();
        assertThat(findings(operatorDefault)).as("its controller entries read nothing on a broker node, by design").isEmpty();
        assertThat(findings(StrimziAllowlist.EVERYTHING)).isEmpty();
    }

    @Test
    void anEntryForAnotherRolesMetricsIsAnInfoNamingThatRole() throws Exception {
        List<Diagnostic> findings = findings(StrimziAllowlist.fromArgument("kafka_controller_kafkacontroller_activecontrollercount"));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(findings.get(0).message()).contains("only on combined and controller nodes");
    }

    @Test
    void aRecordedInventoryStandsForItsOwnRoleOnly() throws Exception {
        MBeanInventory recorded = MBeanInventories.find("4.1.2", "broker").orElseThrow();
        StrimziAllowlist a = StrimziAllowlist.fromArgument("kafka_controller_kafkacontroller_activecontrollercount");
        List<Diagnostic> findings = StrimziReporterModel.of(a, recorded, List.of()).configFindings(BROKER);
        assertThat(findings).as("no other role was recorded: the entry reads nothing there, a warning").hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void everyEntryThatReadsSomethingIsQuiet() throws Exception {
        assertThat(findings(StrimziAllowlist.fromArgument(
                "kafka_server_replicamanager_.*,kafka_server_brokertopicmetrics_messagesinpersec,kafka_log_log_size"))).isEmpty();
    }

    private static List<Diagnostic> findings(StrimziAllowlist allowlist) {
        return StrimziReporterModel.of(allowlist, InventorySource.SHIPPED, List.of()).configFindings(BROKER);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
