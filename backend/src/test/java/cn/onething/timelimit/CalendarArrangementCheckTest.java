package cn.onething.timelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.onething.timelimit.Arrangement.Entry;
import cn.onething.timelimit.CalendarYear.Origin;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;

/** The rules an arrangement (file or upload) must keep; every broken one is named at once. */
class CalendarArrangementCheckTest {

    @Test
    void aGoodYearIsRead() {
        CalendarYear y = ArrangementCheck.check(2027, new Arrangement(null, " 通知 ", List.of(
                new Entry("春节", "2027-02-05", "2027-02-11", List.of("2027-02-14")))), Origin.DATABASE, "admin1", null);
        assertThat(y.source()).isEqualTo("通知");
        assertThat(y.holidays()).containsExactly(new CalendarYear.Holiday("春节", LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 2, 11), List.of(LocalDate.of(2027, 2, 14))));
        assertThat(y.offDays()).isEqualTo(7);
    }

    @Test
    void everyBrokenRuleIsNamed() {
        Arrangement bad = new Arrangement(2028, "", Arrays.asList(
                new Entry("", "2027-02-05", "2027-02-11", List.of("2027-02-14", "2027-02-06", "2027-02-15", "bad")),
                new Entry("国庆节", "2027-10-07", "2027-10-01", null),
                new Entry("元旦", "2026-12-31", "2027-01-01", null),
                new Entry("清明节", "2027-04-05", "2027-04-06", null),
                new Entry("重叠", "2027-04-06", "2027-04-08", null),
                null));

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> ArrangementCheck.check(2027, bad, Origin.DATABASE, null, null));

        Map<String, String> rules = e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::rule));
        assertThat(rules).containsOnly(
                Map.entry("year", "mismatch"),
                Map.entry("source", "required"),
                Map.entry("holidays[0].name", "required"),
                Map.entry("holidays[0].worked[2]", "notWeekend"),
                Map.entry("holidays[0].worked[3]", "date"),
                Map.entry("holidays[1].to", "range"),
                Map.entry("holidays[2].from", "outsideYear"),
                Map.entry("holidays[4]", "overlap"),
                Map.entry("holidays[5]", "required"));
        assertThat(e.errors()).allSatisfy(f -> assertThat(f.message()).isNotBlank().doesNotContain("null"));
    }

    @Test
    void aDayBothOffAndWorkedIsNamed() {
        Arrangement bad = new Arrangement(null, "通知", List.of(
                new Entry("元旦", "2027-01-01", "2027-01-01", null),
                new Entry("春节", "2027-02-05", "2027-02-11", List.of("2027-02-14", "2027-02-06"))));
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> ArrangementCheck.check(2027, bad, Origin.DATABASE, null, null));
        assertThat(e.errors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("holidays[1].worked[1]", "offAndWorked"));
    }

    @Test
    void theYearMustBeInTheCalendarsRange() {
        assertThatThrownBy(() -> ArrangementCheck.check(1999, new Arrangement(null, "x", List.of()), Origin.FILE, null,
                null)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("year"));
        assertThatThrownBy(() -> ArrangementCheck.check(2027, new Arrangement(null, "x", List.of()), Origin.FILE, null,
                null)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("holidays"));
    }

    @Test
    void aLaterYearOverridesAnEarlierOneOfTheSameNumber() {
        CalendarYear file = WorkingCalendar.fromFiles().year(2026).orElseThrow();
        CalendarYear upload = ArrangementCheck.check(2026, new Arrangement(null, "更正", List.of(
                new Entry("元旦", "2026-01-01", "2026-01-01", null))), Origin.DATABASE, "admin1", null);
        WorkingCalendar calendar = WorkingCalendar.of(List.of(file, upload));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isTrue();
        assertThat(calendar.year(2026).orElseThrow().origin()).isEqualTo(Origin.DATABASE);
    }
}
