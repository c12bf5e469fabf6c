package dev.brokerwatch.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeWorkersTest {
  private ScrapeWorkers workers;

  @AfterEach
  void close() {
    if (workers != null) {
      workers.close();
    }
  }

  @Test
  void everyReadIsDoneExactlyOnce() {
    workers = ScrapeWorkers.of(4);
    int count = 10_001;
    AtomicIntegerArray reads = new AtomicIntegerArray(count);

    workers.readAll(count, 1, new Object[1], (from, to, values) -> {
      for (int i = from; i < to; i++) {
        reads.incrementAndGet(i);
      }
    });

    for (int i = 0; i < count; i++) {
      assertThat(reads.get(i)).as("times read %d was read", i).isEqualTo(1);
    }
  }

  @Test
  void everyPartRunsExactlyOnce() {
    workers = ScrapeWorkers.of(3);
    AtomicIntegerArray runs = new AtomicIntegerArray(6);

    workers.runAll(6, runs::incrementAndGet);

    for (int part = 0; part < 6; part++) {
      assertThat(runs.get(part)).as("times part %d ran", part).isEqualTo(1);
    }
  }

  @Test
  void helpersReadBlocksBesideTheScrapingThread() throws Exception {
    workers = ScrapeWorkers.of(3);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch helperRead = new CountDownLatch(1);
    Thread scraping = Thread.currentThread();

    workers.readAll(ScrapeWorkers.PARALLEL_FROM * 4, 1, new Object[1], (from, to, values) -> {
      threads.add(Thread.currentThread().getName());
      if (Thread.currentThread() != scraping) {
        helperRead.countDown();
      } else if (from == 0) {
        // the scraping thread holds its first block until a helper has read one
        awaitQuietly(helperRead);
      }
    });

    assertThat(helperRead.getCount()).as("a helper read a block while the scraping thread held its first").isZero();
    assertThat(threads).anyMatch(name -> name.startsWith("brokerwatch-scrape-"));
  }

  @Test
  void fewReadsStayOnTheScrapingThread() {
    workers = ScrapeWorkers.of(4);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    workers.readAll(ScrapeWorkers.PARALLEL_FROM - 1, 1, new Object[1], (from, to, values) -> threads.add(Thread.currentThread()));

    assertThat(threads).as("a handoff costs more than a few reads").containsExactly(Thread.currentThread());
  }

  @Test
  void helpersGetAValuesArrayOfTheirOwnAtLeastAsLongAsAsked() {
    workers = ScrapeWorkers.of(2);
    Object[] scraping = new Object[5];
    AtomicInteger wrongArrays = new AtomicInteger();
    Thread scrapingThread = Thread.currentThread();

    workers.readAll(ScrapeWorkers.PARALLEL_FROM * 8, 5, scraping, (from, to, values) -> {
      boolean own = Thread.currentThread() == scrapingThread ? values == scraping : values != scraping;
      if (!own || values.length < 5) {
        wrongArrays.incrementAndGet();
      }
    });

    assertThat(wrongArrays.get()).as("blocks given a shared or too short values array").isZero();
  }

  @Test
  void aHelperBusyWithAnotherScrapeDoesNotDelayThisOne() throws Exception {
    workers = ScrapeWorkers.of(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch helperHeld = new CountDownLatch(1);
    Thread first = new Thread(() -> workers.readAll(ScrapeWorkers.PARALLEL_FROM * 4, 1, new Object[1], (from, to, values) -> {
      if (Thread.currentThread().getName().startsWith("brokerwatch-scrape-")) {
        helperHeld.countDown();
        awaitQuietly(release);
      } else if (from == 0) {
        // leave blocks for the helper to claim
        awaitQuietly(helperHeld);
      }
    }));
    first.start();
    try {
      assertThat(helperHeld.await(10, TimeUnit.SECONDS)).as("the only helper is held by the first scrape").isTrue();
      AtomicInteger read = new AtomicInteger();

      long start = System.nanoTime();
      workers.readAll(ScrapeWorkers.PARALLEL_FROM * 4, 1, new Object[1], (from, to, values) -> read.addAndGet(to - from));

      assertThat(read.get()).as("the second scrape read everything itself").isEqualTo(ScrapeWorkers.PARALLEL_FROM * 4);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("seconds the second scrape took").isLessThan(5);
    } finally {
      release.countDown();
      first.join(10_000);
    }
    assertThat(first.isAlive()).as("the first scrape ends once its helper's block is done").isFalse();
  }

  @Test
  void aFailureOnAHelperIsThrownToTheScrapeOnceEveryClaimedBlockIsDone() {
    workers = ScrapeWorkers.of(2);
    int count = ScrapeWorkers.PARALLEL_FROM * 4;
    AtomicInteger read = new AtomicInteger();
    CountDownLatch helperFailed = new CountDownLatch(1);
    Thread scraping = Thread.currentThread();

    Throwable thrown = catchThrowable(() -> workers.readAll(count, 1, new Object[1], (from, to, values) -> {
      if (Thread.currentThread() != scraping && helperFailed.getCount() > 0) {
        helperFailed.countDown();
        throw new OutOfMemoryError("a helper's block");
      }
      if (from == 0) {
        awaitQuietly(helperFailed);
      }
      read.addAndGet(to - from);
    }));

    assertThat(thrown).isInstanceOf(OutOfMemoryError.class).hasMessage("a helper's block");
    assertThat(read.get()).as("every block but the failed one was read before the error was thrown")
        .isEqualTo(count - ScrapeWorkers.BLOCK);
  }

  @Test
  void oneThreadReadsEverythingOnTheScrapingThread() {
    workers = ScrapeWorkers.single();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    workers.readAll(ScrapeWorkers.PARALLEL_FROM * 10, 1, new Object[1], (from, to, values) -> threads.add(Thread.currentThread()));

    assertThat(threads).containsExactly(Thread.currentThread());
    assertThat(ScrapeWorkers.of(1).threads()).isEqualTo(1);
    assertThat(catchThrowable(() -> ScrapeWorkers.of(0))).hasMessage("scrape threads must be at least 1, got 0");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
