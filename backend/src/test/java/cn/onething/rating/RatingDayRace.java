package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many transactions add to the same new buckets at the same moment: all insert, one wins, the others
 * must land on the winner's row. Each transaction stays open a little after its write, so that the others
 * meet an uncommitted row. Buckets on 2000-01-01 of a department no catalog knows: out of every
 * dashboard period the other tests ask for.
 */
final class RatingDayRace {

    static final LocalDate DAY = LocalDate.of(2000, 1, 1);

    private RatingDayRace() {
    }

    static void run(RatingDays days, PlatformTransactionManager transactions, JdbcClient jdbc, String officer)
            throws Exception {
        int threads = 8;
        int buckets = 10;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int level = t % 5 + 1;
            workers.add(pool.submit(() -> {
                try {
                    for (int b = 0; b < buckets; b++) {
                        RatingDays.Bucket bucket = new RatingDays.Bucket(DAY, "race", "race", "item" + b, "ITEM",
                                officer);
                        start.await(30, TimeUnit.SECONDS);
                        tx.executeWithoutResult(s -> {
                            days.add(bucket, 1, level);
                            sleep(20);
                        });
                    }
                    return null;
                } catch (Exception | Error e) {
                    start.reset(); // the others stop waiting for this one
                    throw e;
                }
            }));
        }
        pool.shutdown();
        Throwable failure = null;
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (ExecutionException e) {
                if (failure == null || failure instanceof BrokenBarrierException) {
                    failure = e.getCause();
                }
            }
        }
        if (failure != null) {
            throw new AssertionError("a rating of a contended bucket failed", failure);
        }
        int levelSum = 0;
        int good = 0;
        int bad = 0;
        for (int t = 0; t < threads; t++) {
            int level = t % 5 + 1;
            levelSum += level;
            good += level >= 4 ? 1 : 0;
            bad += level <= 2 ? 1 : 0;
        }
        List<int[]> rows = jdbc.sql("""
                select ratings, good, bad, level_sum from rating_day where rated_on = ? and officer = ?
                order by subject""").params(DAY, officer)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).list();
        assertThat(rows).hasSize(buckets);
        for (int[] row : rows) {
            assertThat(row).as("ratings, good, bad, level sum").containsExactly(threads, good, bad, levelSum);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
