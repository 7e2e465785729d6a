package cn.onething.timelimit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.onething.timelimit.Arrangement.Entry;
import cn.onething.timelimit.CalendarYear.Holiday;
import cn.onething.timelimit.CalendarYear.Origin;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;

/** Reads a year's arrangement and lists every broken rule at once (一次性告知). */
final class ArrangementCheck {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2200;

    private final int year;
    private final List<FieldError> errors = new ArrayList<>();

    private ArrangementCheck(int year) {
        this.year = year;
    }

    /** The year as the calendar uses it; {@link InvalidRequestException} naming each field and rule otherwise. */
    static CalendarYear check(int year, Arrangement arrangement, Origin origin, String updatedBy,
            OffsetDateTime updatedAt) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidRequestException(new FieldError("year", "range",
                    "年份应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间",
                    "year must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        ArrangementCheck check = new ArrangementCheck(year);
        List<Holiday> holidays = check.holidays(arrangement == null ? new Arrangement(null, null, null) : arrangement);
        if (!check.errors.isEmpty()) {
            throw new InvalidRequestException(check.errors);
        }
        return new CalendarYear(year, arrangement.source().strip(), holidays, origin, updatedBy, updatedAt);
    }

    private List<Holiday> holidays(Arrangement a) {
        if (a.year() != null && a.year() != year) {
            error("year", "mismatch", "内容中的年份 " + a.year() + " 与 " + year + " 不一致",
                    "year " + a.year() + " does not match " + year);
        }
        if (a.source() == null || a.source().isBlank()) {
            error("source", "required", "请填写依据（发布放假安排的通知）", "source is required");
        }
        if (a.holidays() == null || a.holidays().isEmpty()) {
            error("holidays", "required", "请至少填写一个节假日", "at least one holiday is required");
            return List.of();
        }
        // Index by index, null where the entry is broken: the checks across entries skip those.
        List<Holiday> read = new ArrayList<>();
        for (int i = 0; i < a.holidays().size(); i++) {
            read.add(entry("holidays[" + i + "]", a.holidays().get(i)));
        }
        for (int j = 0; j < read.size(); j++) {
            for (int i = 0; i < j; i++) {
                Holiday earlier = read.get(i);
                Holiday later = read.get(j);
                if (earlier != null && later != null && !later.to().isBefore(earlier.from())
                        && !earlier.to().isBefore(later.from())) {
                    error("holidays[" + j + "]", "overlap", "放假日期与第 " + (i + 1) + " 项（" + earlier.name() + "）重叠",
                            "days off overlap holidays[" + i + "]");
                }
            }
        }
        for (int i = 0; i < read.size(); i++) {
            Holiday h = read.get(i);
            for (int k = 0; h != null && k < h.worked().size(); k++) {
                LocalDate day = h.worked().get(k);
                Holiday off = read.stream()
                        .filter(o -> o != null && !day.isBefore(o.from()) && !day.isAfter(o.to()))
                        .findFirst().orElse(null);
                if (off != null) {
                    error("holidays[" + i + "].worked[" + k + "]", "offAndWorked",
                            day + " 在" + off.name() + "放假期间，不能同时是调休上班日",
                            day + " is both a day off and a working day");
                }
            }
        }
        return read.contains(null) ? List.of() : read;
    }

    private Holiday entry(String at, Entry e) {
        if (e == null) {
            error(at, "required", "请填写节假日", "holiday is required");
            return null;
        }
        int before = errors.size();
        if (e.name() == null || e.name().isBlank()) {
            error(at + ".name", "required", "请填写节日名称", "name is required");
        }
        LocalDate from = date(at + ".from", e.from(), "放假开始日期");
        LocalDate to = date(at + ".to", e.to(), "放假结束日期");
        if (from != null && to != null && from.isAfter(to)) {
            error(at + ".to", "range", "放假结束日期不能早于开始日期 " + from, "to must not be before from " + from);
        }
        List<LocalDate> worked = new ArrayList<>();
        List<String> texts = e.worked() == null ? List.of() : e.worked();
        for (int k = 0; k < texts.size(); k++) {
            String field = at + ".worked[" + k + "]";
            LocalDate day = date(field, texts.get(k), "调休上班日期");
            if (day != null && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                error(field, "notWeekend", "调休上班日应是周六或周日，" + day + " 是" + weekday(day),
                        day + " is a " + day.getDayOfWeek().toString().toLowerCase() + ", not a weekend day");
            }
            worked.add(day);
        }
        return errors.size() > before ? null : new Holiday(e.name().strip(), from, to, worked);
    }

    private LocalDate date(String field, String text, String label) {
        if (text == null || text.isBlank()) {
            error(field, "required", "请填写" + label, field + " is required");
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            error(field, "date", label + "应是日期，格式 YYYY-MM-DD", field + " must be a date (YYYY-MM-DD)");
            return null;
        }
        if (day.getYear() != year) {
            error(field, "outsideYear", label + " " + day + " 不在 " + year + " 年内", day + " is not in " + year);
            return null;
        }
        return day;
    }

    private static String weekday(LocalDate day) {
        return "星期" + "一二三四五六日".charAt(day.getDayOfWeek().getValue() - 1);
    }

    private void error(String field, String rule, String message, String messageEn) {
        errors.add(new FieldError(field, rule, message, messageEn));
    }
}
