package cn.onething.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** What the benchmarks (tagged benchmark, run by bin/benchmark) measure with. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** Runs operations 0 … n-1 on the given number of threads; returns operations per second. */
    public static double run(int n, int threads, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n;) {
                    operation.accept(i);
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The quantile (0.95 for p95) of sorted nanosecond durations, in milliseconds. */
    public static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
