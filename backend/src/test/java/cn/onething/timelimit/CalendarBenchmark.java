package cn.onething.timelimit;

import java.time.LocalDate;
import java.util.Random;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: prints deadlines per second on one thread for the lookup calendar and, as the baseline
 * measured in the same run, a day-by-day loop over the same calendar. Run with
 * {@code bin/benchmark CalendarBenchmark}. Target: ≥ 1,000,000 deadlines/s for the lookup.
 */
@Tag("benchmark")
class CalendarBenchmark {

    static final int DEADLINES = Integer.getInteger("bench.deadlines", 5_000_000);
    static final int SAMPLES = 1 << 16;

    static volatile long sink;

    @Test
    void lookupAgainstADayByDayLoop() {
        WorkingCalendar calendar = WorkingCalendar.fromFiles();
        for (int maxDays : new int[] {60, 400}) {
            // starts in 2024 … 2028, like the property test; limits 0 … maxDays working days
            Random random = new Random(42);
            LocalDate[] starts = new LocalDate[SAMPLES];
            int[] limits = new int[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                starts[i] = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(5 * 365));
                limits[i] = random.nextInt(maxDays + 1);
            }
            IntToLongFunction lookup = i -> calendar.deadline(starts[i & (SAMPLES - 1)], limits[i & (SAMPLES - 1)])
                    .date().toEpochDay();
            IntToLongFunction loop = i -> dayByDay(calendar, starts[i & (SAMPLES - 1)], limits[i & (SAMPLES - 1)])
                    .date().toEpochDay();
            int loopDeadlines = DEADLINES / (maxDays / 3);
            rate(DEADLINES, lookup); // warm-up
            rate(loopDeadlines, loop);

            // alternating slices, so that whatever else the machine does weighs on both alike
            double lookupSeconds = 0;
            double loopSeconds = 0;
            for (int slice = 0; slice < 5; slice++) {
                lookupSeconds += DEADLINES / rate(DEADLINES, lookup);
                loopSeconds += loopDeadlines / rate(loopDeadlines, loop);
            }
            double lookupRate = 5 * DEADLINES / lookupSeconds;
            double loopRate = 5 * loopDeadlines / loopSeconds;
            System.out.printf("%nBENCHMARK working-day deadlines, 1 thread, starts 2024…2028, limits 0…%d working days:%n",
                    maxDays);
            System.out.printf("BENCHMARK   lookup calendar   %,12.0f deadlines/s   (target ≥ 1,000,000: %s)%n", lookupRate,
                    lookupRate >= 1_000_000 ? "met" : "NOT MET");
            System.out.printf("BENCHMARK   day-by-day loop   %,12.0f deadlines/s   lookup / loop = %.0f×%n", loopRate,
                    lookupRate / loopRate);
        }
    }

    /** The baseline: walk forward a day at a time, asking the same calendar whether each one is worked. */
    static Deadline dayByDay(WorkingCalendar calendar, LocalDate start, int workingDays) {
        LocalDate day = start;
        for (int counted = 0; counted < workingDays;) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, calendar.provisional(start, day));
    }

    /** Runs n operations; returns operations per second. */
    private static double rate(int n, IntToLongFunction operation) {
        long sum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sum += operation.applyAsLong(i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink = sum;
        return n / seconds;
    }
}
