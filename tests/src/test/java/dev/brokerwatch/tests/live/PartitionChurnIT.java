package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

import dev.brokerwatch.tests.churn.ChurnReport;
import dev.brokerwatch.tests.churn.ChurnScenario;
import dev.brokerwatch.tests.churn.ChurnSettings;
import dev.brokerwatch.tests.churn.ChurnVerdict;

/**
 * Partition churn on a live Kafka 4.1.2 node with brokerwatch's agent, at CI size: 1,000 partitions that stay,
 * 200 more in four topics created and deleted three times under the same names, 8 threads scraping back to back
 * and a Prometheus scraping every 5 s (see {@link ChurnScenario}). One run; each test states one property of it.
 * Isolated: it loads both cores and measures the agent's heap.
 */
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionChurnIT {
    private ChurnReport report;

    @BeforeAll
    @Timeout(420)
    void churn() throws Exception {
        report = new ChurnScenario("PartitionChurnIT", ChurnSettings.ci()).run();
        System.err.println(report.summary());
    }

    @Test
    void everyConcurrentScrapeIsAnswered() {
        assertThat(report.answered()).as("scrapes answered by the agent during the churn").isGreaterThan(100);
        assertThat(report.failed()).as("scrapes that failed or were turned away: %s", report.problems()).isZero();
    }

    @Test
    void everyAnswerIsCompleteAndParseable() {
        assertThat(report.incomplete()).as("answers without their end or without a surviving partition: %s",
                report.problems()).isZero();
        assertThat(report.unparseable()).as("answers the text parser rejects: %s", report.problems()).isZero();
    }

    @Test
    void countersOfSurvivingSeriesNeverGoBackwards() {
        assertThat(report.countersChecked()).as("counter readings compared").isGreaterThan(1_000);
        assertThat(report.backwards()).as("counter readings lower than the same scraper's previous: %s",
                report.problems()).isZero();
    }

    @Test
    void prometheusScrapesEveryTimeDuringTheChurn() {
        assertThat(report.prometheusScrapes()).as("Prometheus scrapes over the churn (up samples)").isGreaterThan(3);
        assertThat(report.prometheusFailed()).as("Prometheus scrapes with up == 0").isZero();
    }

    @Test
    void theMBeanIndexEqualsTheBrokersMBeansAfterTheChurn() {
        assertThat(report.indexAfter().consistent()).as("index vs registered MBeans after the churn: %s",
                report.indexAfter()).isTrue();
    }

    @Test
    void theAgentsHeapReturnsToItsLevelBeforeTheChurn() {
        long tolerance = ChurnVerdict.heapToleranceBytes(report.heapBefore());
        assertThat(report.heapAfter().bytes()).as("agent heap after the churn (%s) vs before (%s); changed: %s",
                report.heapAfter(), report.heapBefore(), report.heapAfter().changesSince(report.heapBefore()))
                .isLessThanOrEqualTo(report.heapBefore().bytes() + tolerance);
    }

    @Test
    void theAgentsHeapDoesNotGrowFromCycleToCycle() {
        long tolerance = ChurnVerdict.heapToleranceBytes(report.heapBefore());
        long first = report.heapAfterCycle().get(0).bytes();
        assertThat(report.heapAfterCycle()).as("agent heap after each cycle")
                .allSatisfy(h -> assertThat(h.bytes()).isLessThanOrEqualTo(first + tolerance));
    }
}
