package cn.onething.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the lookup calendar for random starts in 2024 … 2028 and limits of 0 … 400 working days,
 * checked against a day-by-day count straight from the arrangements. Seeded: a failure is reproducible.
 */
class WorkingCalendarPropertyTest {

    static final WorkingCalendar calendar = WorkingCalendar.fromFiles();
    static final Set<LocalDate> off = new HashSet<>();
    static final Set<LocalDate> worked = new HashSet<>();

    static {
        for (CalendarYear y : calendar.years()) {
            for (CalendarYear.Holiday h : y.holidays()) {
                h.from().datesUntil(h.to().plusDays(1)).forEach(off::add);
                worked.addAll(h.worked());
            }
        }
    }

    @Property(tries = 5000, seed = "20260101")
    void theDeadlineIsTheNthWorkingDayAfterTheStart(@ForAll("starts") LocalDate start,
            @ForAll @IntRange(min = 0, max = 400) int n) {
        LocalDate deadline = calendar.deadline(start, n).date();

        assertThat(deadline).isEqualTo(countedByHand(start, n));
        assertThat(calendar.workingDays(start, deadline)).isEqualTo(n);
        if (n > 0) {
            assertThat(calendar.isWorkingDay(deadline)).isTrue();
            assertThat(calendar.workingDays(start, deadline.minusDays(1))).as("minimal").isEqualTo(n - 1);
        } else {
            assertThat(deadline).isEqualTo(start);
        }
    }

    @Property(tries = 5000, seed = "20260102")
    void workingDayBeforeCountsBack(@ForAll("starts") LocalDate start, @ForAll @IntRange(min = 0, max = 400) int n) {
        LocalDate deadline = calendar.deadline(start, n).date();
        LocalDate back = calendar.workingDayBefore(deadline, n);

        assertThat(calendar.workingDays(back, deadline)).isEqualTo(n);
        assertThat(back).isBeforeOrEqualTo(start);
        if (n > 0) {
            assertThat(calendar.workingDays(back.minusDays(1), deadline)).as("earliest").isEqualTo(n + 1);
            assertThat(calendar.deadline(back, n).date()).isEqualTo(deadline);
        }
    }

    @Property(tries = 2000, seed = "20260103")
    void isWorkingDayFollowsTheArrangement(@ForAll("starts") LocalDate day) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working(day));
        assertThat(calendar.deadline(day, 30).provisional())
                .isEqualTo(day.getYear() < 2025 || calendar.deadline(day, 30).date().getYear() > 2026);
    }

    @Provide
    Arbitrary<LocalDate> starts() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        int days = (int) (LocalDate.of(2028, 12, 31).toEpochDay() - first.toEpochDay());
        return Arbitraries.integers().between(0, days).map(first::plusDays);
    }

    private static LocalDate countedByHand(LocalDate start, int n) {
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (working(day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean working(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return worked.contains(day) || !off.contains(day) && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
