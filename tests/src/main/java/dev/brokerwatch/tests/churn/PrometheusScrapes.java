package dev.brokerwatch.tests.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.brokerwatch.harness.PrometheusServer;

/**
 * Prometheus's scrapes of one job over a window, from the raw {@code up} and {@code scrape_duration_seconds}
 * samples. A failed scrape that began at most one scrape timeout before or during one of the harness's heap
 * measurements (a full collection and heap walk that stops the broker's JVM, the agent with it, for seconds on a
 * large heap) is counted apart: the measurement stopped it, not the agent. Every other failed scrape counts.
 *
 * @param failed failed scrapes outside the heap measurements
 * @param failedDuringHeapMeasurement failed scrapes that met a heap measurement
 */
public record PrometheusScrapes(long scrapes, long failed, long failedDuringHeapMeasurement, double medianSeconds,
        double maxSeconds) {

    static PrometheusScrapes of(PrometheusServer prometheus, String job, long windowSeconds,
            List<Instant[]> heapMeasurements, Duration scrapeTimeout) {
        long scrapes = 0;
        long failed = 0;
        long failedDuringMeasurement = 0;
        String range = "{job=\"" + job + "\"}[" + windowSeconds + "s]";
        for (double[] sample : samples(prometheus, "up" + range)) {
            scrapes++;
            if (sample[1] == 0) {
                Instant began = Instant.ofEpochMilli((long) (sample[0] * 1000));
                if (during(began, heapMeasurements, scrapeTimeout)) {
                    failedDuringMeasurement++;
                } else {
                    failed++;
                }
            }
        }
        double[] seconds = samples(prometheus, "scrape_duration_seconds" + range).stream()
                .mapToDouble(s -> s[1]).sorted().toArray();
        return new PrometheusScrapes(scrapes, failed, failedDuringMeasurement,
                seconds.length == 0 ? Double.NaN : seconds[seconds.length / 2],
                seconds.length == 0 ? Double.NaN : seconds[seconds.length - 1]);
    }

    private static boolean during(Instant began, List<Instant[]> measurements, Duration scrapeTimeout) {
        for (Instant[] m : measurements) {
            if (!began.isBefore(m[0].minus(scrapeTimeout)) && !began.isAfter(m[1])) {
                return true;
            }
        }
        return false;
    }

    /** {time in seconds, value} of every raw sample of a range selector's one series. */
    private static List<double[]> samples(PrometheusServer prometheus, String rangeSelector) {
        JsonNode data = prometheus.api("/api/v1/query?query="
                + java.net.URLEncoder.encode(rangeSelector, java.nio.charset.StandardCharsets.UTF_8));
        List<double[]> out = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            for (JsonNode value : series.path("values")) {
                out.add(new double[] {value.path(0).asDouble(), Double.parseDouble(value.path(1).asText())});
            }
        }
        return out;
    }

    String summary() {
        return String.format(Locale.ROOT, "prometheus scrapes %,d, failed %,d (and %,d stopped by the harness's heap "
                + "measurement); scrape duration median %.2f s, max %.2f s", scrapes, failed,
                failedDuringHeapMeasurement, medianSeconds, maxSeconds);
    }
}
