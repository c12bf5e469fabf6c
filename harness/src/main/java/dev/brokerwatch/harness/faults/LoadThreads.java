package dev.brokerwatch.harness.faults;

import java.time.Duration;
import java.util.List;

/** Stopping the threads of a load generator: bounded, so a stuck client cannot hang a test. */
final class LoadThreads {
    private LoadThreads() {}

    /** Waits up to {@code grace} for each thread, then interrupts it and waits 5 s more. */
    static void join(List<Thread> threads, Duration grace) {
        for (Thread t : threads) {
            try {
                t.join(grace.toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
