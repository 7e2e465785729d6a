package cn.onething.timelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The calendar built from the shipped files (bpmn/calendar/2025.yaml, 2026.yaml). Every expected date
 * is counted by hand from ../shared/policy/holidays.md; the weekday is noted where it matters.
 */
class WorkingCalendarTest {

    static final WorkingCalendar calendar = WorkingCalendar.fromFiles();

    @Test
    void springFestival2025() {
        // off 01-28 (Tue) … 02-04 (Tue); worked 01-26 (Sun) and 02-08 (Sat)
        assertThat(day("2025-01-26")).isTrue();
        assertThat(day("2025-01-25")).isFalse();
        assertThat(day("2025-01-28")).isFalse();
        assertThat(day("2025-02-04")).isFalse();
        assertThat(day("2025-02-08")).isTrue();
        assertThat(day("2025-02-09")).isFalse();
        LocalDate friday = date("2025-01-24");
        assertDeadline(friday, 1, "2025-01-26");
        assertDeadline(friday, 2, "2025-01-27");
        assertDeadline(friday, 3, "2025-02-05");
        assertDeadline(friday, 6, "2025-02-08");
        assertDeadline(friday, 7, "2025-02-10");
        // 21 22 23 24 26 27 | 05 06 07 08
        assertDeadline(date("2025-01-20"), 10, "2025-02-08");
        assertDeadline(date("2025-01-30"), 1, "2025-02-05"); // a start inside the holiday
        assertThat(calendar.workingDays(friday, date("2025-02-10"))).isEqualTo(7);
        assertThat(calendar.workingDays(date("2025-01-27"), date("2025-02-04"))).isZero();
    }

    @Test
    void springFestival2026() {
        // off 02-15 (Sun) … 02-23 (Mon); worked 02-14 (Sat) and 02-28 (Sat)
        LocalDate friday = date("2026-02-13");
        assertDeadline(friday, 1, "2026-02-14");
        assertDeadline(friday, 2, "2026-02-24");
        assertDeadline(friday, 6, "2026-02-28");
        assertDeadline(friday, 7, "2026-03-02");
        assertThat(calendar.workingDays(friday, date("2026-03-02"))).isEqualTo(7);
        assertThat(calendar.workingDays(date("2026-02-14"), date("2026-02-23"))).isZero();
        assertThat(calendar.workingDayBefore(date("2026-02-24"), 1)).isEqualTo("2026-02-14");
        assertThat(calendar.workingDayBefore(date("2026-02-24"), 2)).isEqualTo("2026-02-13");
        assertThat(calendar.workingDayBefore(date("2026-03-02"), 1)).isEqualTo("2026-02-28");
    }

    @Test
    void nationalDay2025() {
        // off 10-01 (Wed) … 10-08 (Wed); worked 09-28 (Sun) and 10-11 (Sat)
        LocalDate friday = date("2025-09-26");
        assertDeadline(friday, 1, "2025-09-28");
        assertDeadline(friday, 3, "2025-09-30");
        assertDeadline(friday, 4, "2025-10-09");
        assertDeadline(friday, 6, "2025-10-11");
        assertDeadline(friday, 7, "2025-10-13");
        assertDeadline(date("2025-09-30"), 1, "2025-10-09");
        assertThat(day("2025-10-12")).isFalse();
    }

    @Test
    void midAutumnAndNationalDay2026() {
        // 中秋 off 09-25 (Fri) … 09-27; 国庆 off 10-01 (Thu) … 10-07; worked 09-20 (Sun) and 10-10 (Sat)
        LocalDate friday = date("2026-09-18");
        assertDeadline(friday, 1, "2026-09-20");
        assertDeadline(friday, 5, "2026-09-24");
        assertDeadline(friday, 6, "2026-09-28");
        assertDeadline(friday, 8, "2026-09-30");
        assertDeadline(friday, 9, "2026-10-08");
        assertDeadline(friday, 11, "2026-10-10");
        assertDeadline(friday, 12, "2026-10-12");
        assertThat(calendar.workingDays(friday, date("2026-10-12"))).isEqualTo(12);
    }

    @Test
    void newYear2026AcrossTheYearEnd() {
        // 2025-12-31 (Wed) works; off 2026-01-01 (Thu) … 01-03; worked 01-04 (Sun)
        assertDeadline(date("2025-12-30"), 1, "2025-12-31");
        assertDeadline(date("2025-12-31"), 1, "2026-01-04");
        assertDeadline(date("2025-12-31"), 2, "2026-01-05");
        assertThat(calendar.workingDays(date("2025-12-31"), date("2026-01-05"))).isEqualTo(2);
    }

    @Test
    void aYearWithoutArrangementCountsWeekendsOnlyAndIsProvisional() {
        // 2026-12-31 (Thu); 2027 is not loaded: 01-01 (Fri) counts as a working day, provisionally
        assertThat(calendar.deadline(date("2026-12-31"), 1)).isEqualTo(new Deadline(date("2027-01-01"), true));
        assertThat(calendar.deadline(date("2026-12-31"), 2)).isEqualTo(new Deadline(date("2027-01-04"), true));
        // 12-02 … 12-04, 07 … 11, 14, 15
        assertThat(calendar.deadline(date("2026-12-01"), 10)).isEqualTo(new Deadline(date("2026-12-15"), false));
        // 2024 is not loaded either: a start there is provisional even though the deadline is in 2025
        assertThat(calendar.deadline(date("2024-12-31"), 1)).isEqualTo(new Deadline(date("2025-01-02"), true));
        assertThat(calendar.provisional(date("2025-01-01"), date("2026-12-31"))).isFalse();
        assertThat(calendar.provisional(date("2026-06-01"), date("2027-01-01"))).isTrue();
    }

    @Test
    void zeroWorkingDaysIsTheStartItself() {
        assertThat(calendar.deadline(date("2026-02-15"), 0)).isEqualTo(new Deadline(date("2026-02-15"), false));
        assertThat(calendar.deadline(date("2027-03-01"), 0)).isEqualTo(new Deadline(date("2027-03-01"), true));
        assertThat(calendar.workingDays(date("2026-02-15"), date("2026-02-15"))).isZero();
        assertThat(calendar.workingDayBefore(date("2026-02-15"), 0)).isEqualTo("2026-02-15");
    }

    @Test
    void aWorkedSaturdayAsStartAndAsDeadline() {
        assertDeadline(date("2025-02-08"), 1, "2025-02-10");
        assertDeadline(date("2025-02-07"), 1, "2025-02-08");
        assertDeadline(date("2026-02-14"), 1, "2026-02-24");
        assertDeadline(date("2026-10-10"), 1, "2026-10-12");
        assertThat(calendar.workingDayBefore(date("2026-10-12"), 1)).isEqualTo("2026-10-10");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> calendar.workingDays(date("2026-01-02"), date("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.deadline(date("2026-01-02"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.deadline(date("1999-12-31"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the working-day calendar");
        assertThatThrownBy(() -> calendar.deadline(date("2215-12-30"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2215-12-31");
        assertThatThrownBy(() -> calendar.workingDayBefore(date("2000-01-05"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        // 2215-12-29 is the range's last working day (a Friday): one more is outside
        assertThat(calendar.deadline(date("2215-12-28"), 1).date()).isEqualTo("2215-12-29");
        assertThatThrownBy(() -> calendar.deadline(date("2215-12-29"), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLoadedYearsAreTheFiles() {
        assertThat(calendar.years()).extracting(CalendarYear::year).containsExactly(2025, 2026);
        CalendarYear y2026 = calendar.year(2026).orElseThrow();
        assertThat(y2026.origin()).isEqualTo(CalendarYear.Origin.FILE);
        assertThat(y2026.offDays()).isEqualTo(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(y2026.workedDays()).isEqualTo(6);
        assertThat(calendar.year(2027)).isEmpty();
    }

    private static void assertDeadline(LocalDate start, int workingDays, String expected) {
        assertThat(calendar.deadline(start, workingDays)).as("%d working days after %s", workingDays, start)
                .isEqualTo(new Deadline(date(expected), false));
        assertThat(calendar.workingDays(start, date(expected))).isEqualTo(workingDays);
    }

    private static boolean day(String day) {
        return calendar.isWorkingDay(date(day));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
