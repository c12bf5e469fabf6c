package dev.brokerwatch.tests.churn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.Scrape;

/**
 * Threads that scrape one agent back to back, each on a keep-alive connection of its own, half of them asking for
 * the Prometheus text format and half for OpenMetrics. Every answer is checked:
 * <ul>
 *   <li>answered: status 200 (anything else, or a failed connection, is a failed scrape);</li>
 *   <li>complete: OpenMetrics ends with {@code # EOF}, text ends with a newline, and the log-size series of every
 *       partition that is not churned is there;</li>
 *   <li>parseable: the harness's {@link Scrape#parse} reads every line;</li>
 *   <li>counters (counter families and summary {@code _count}s) of series that survive the churn never go
 *       backwards from one scrape of a thread to its next. Series of churned topics are left out: a topic deleted
 *       and created again legitimately starts at zero.</li>
 * </ul>
 */
public final class ConcurrentScrapers implements AutoCloseable {
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final int PROBLEMS_KEPT = 20;

    private final int port;
    private final String survivingTopicPrefix;
    private final String churnTopicPrefix;
    private final int survivingPartitions;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private final AtomicLong unparseable = new AtomicLong();
    private final AtomicLong backwards = new AtomicLong();
    private final AtomicLong countersChecked = new AtomicLong();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private ConcurrentScrapers(int port, String survivingTopicPrefix, String churnTopicPrefix, int survivingPartitions) {
        this.port = port;
        this.survivingTopicPrefix = survivingTopicPrefix;
        this.churnTopicPrefix = churnTopicPrefix;
        this.survivingPartitions = survivingPartitions;
    }

    public static ConcurrentScrapers start(int count, int port, String survivingTopicPrefix, String churnTopicPrefix,
            int survivingPartitions) {
        ConcurrentScrapers scrapers = new ConcurrentScrapers(port, survivingTopicPrefix, churnTopicPrefix,
                survivingPartitions);
        for (int i = 0; i < count; i++) {
            String accept = i % 2 == 0 ? Scrape.ACCEPT_TEXT : OPENMETRICS;
            Thread t = new Thread(() -> scrapers.loop(accept), "churn-scraper-" + i);
            t.setDaemon(true);
            scrapers.threads.add(t);
            t.start();
        }
        return scrapers;
    }

    /** Stops scraping until {@link #resume()}, once every scrape in progress is done (at most 60 s). */
    public void pause() throws InterruptedException {
        paused.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (busy.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    public void resume() {
        paused.set(false);
    }

    private void loop(String accept) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://" + LoopbackPorts.address(port) + "/metrics");
        Map<String, Double> lastCounters = new HashMap<>();
        while (!stop.get()) {
            if (paused.get()) {
                sleep(20);
                continue;
            }
            busy.incrementAndGet();
            try {
                if (paused.get()) {
                    continue;
                }
                scrapeOnce(http, uri, accept, lastCounters);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    private void scrapeOnce(HttpClient http, URI uri, String accept, Map<String, Double> lastCounters) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(60))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failed.incrementAndGet();
            problem("scrape failed: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            return;
        }
        if (response.statusCode() != 200) {
            failed.incrementAndGet();
            problem("scrape answered " + response.statusCode() + ": " + abbreviate(response.body()));
            return;
        }
        answered.incrementAndGet();
        String body = response.body();
        boolean openMetrics = accept.equals(OPENMETRICS);
        if (openMetrics ? !body.endsWith("# EOF\n") : !body.endsWith("\n")) {
            incomplete.incrementAndGet();
            problem((openMetrics ? "OpenMetrics" : "text") + " answer without its end: ..." + tail(body));
            return;
        }
        Scrape.MetricFamilies families;
        try {
            families = Scrape.parse(body);
        } catch (RuntimeException e) {
            unparseable.incrementAndGet();
            problem("unparseable answer: " + e.getMessage());
            return;
        }
        long surviving = families.samples("kafka_log_log_size").stream()
                .filter(s -> s.labels().getOrDefault("topic", "").startsWith(survivingTopicPrefix)).count();
        if (surviving != survivingPartitions) {
            incomplete.incrementAndGet();
            problem("answer with " + surviving + " of the " + survivingPartitions
                    + " kafka_log_log_size series of partitions that are never deleted");
        }
        checkCounters(families, lastCounters);
    }

    private void checkCounters(Scrape.MetricFamilies families, Map<String, Double> last) {
        for (Scrape.MetricFamily family : families.asMap().values()) {
            boolean counter = family.type().equals("counter");
            if (!counter && !family.type().equals("summary")) {
                continue;
            }
            for (Scrape.Sample s : family.samples()) {
                if (!counter && !s.name().endsWith("_count")) {
                    continue;
                }
                if (s.labels().getOrDefault("topic", "").startsWith(churnTopicPrefix)) {
                    continue;
                }
                String key = s.name() + new TreeMap<>(s.labels());
                Double before = last.put(key, s.value());
                countersChecked.incrementAndGet();
                if (before != null && s.value() < before) {
                    backwards.incrementAndGet();
                    problem("counter went backwards: " + key + " " + before + " -> " + s.value());
                }
            }
        }
    }

    private void problem(String text) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(Thread.currentThread().getName() + ": " + text);
        }
    }

    public long answered() {
        return answered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long incomplete() {
        return incomplete.get();
    }

    public long unparseable() {
        return unparseable.get();
    }

    public long backwards() {
        return backwards.get();
    }

    public long countersChecked() {
        return countersChecked.get();
    }

    /** The first problems met, for a failure message. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(90).toMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String body) {
        return body.length() <= 120 ? body : body.substring(body.length() - 120);
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
