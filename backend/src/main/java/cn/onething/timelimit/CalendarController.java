package cn.onething.timelimit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.security.Role;
import cn.onething.timelimit.CalendarYear.Holiday;
import cn.onething.timelimit.CalendarYear.Origin;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/** The working-day calendar: deadlines for anyone signed in; a new year's arrangement from an administrator. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int MAX_WORKING_DAYS = 3650;

    private final WorkingCalendar calendar;
    private final CalendarStore store;
    private final Clock clock;

    CalendarController(WorkingCalendar calendar, CalendarStore store, Clock clock) {
        this.calendar = calendar;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    List<YearView> years() {
        return calendar.years().stream().map(YearView::of).toList();
    }

    @GetMapping("/{year}")
    YearView year(@PathVariable int year) {
        return calendar.year(year).map(YearView::of)
                .orElseThrow(() -> new NotFoundException("工作日历中没有 " + year + " 年的放假安排"));
    }

    /** Stores a year's arrangement (a new one or a correction) and uses it at once. */
    @PutMapping("/{year}")
    YearView store(CurrentUser user, @PathVariable int year, @RequestBody Arrangement arrangement) {
        if (!user.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以维护工作日历");
        }
        store.save(ArrangementCheck.check(year, arrangement, Origin.DATABASE, user.username(),
                OffsetDateTime.now(clock)));
        calendar.reload();
        return year(year);
    }

    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate start,
            @RequestParam int workingDays) {
        List<FieldError> errors = new ArrayList<>();
        inCalendar("start", start, errors);
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            errors.add(new FieldError("workingDays", "range", "工作日数应在 0 到 " + MAX_WORKING_DAYS + " 之间",
                    "workingDays must be between 0 and " + MAX_WORKING_DAYS));
        }
        check(errors);
        try {
            Deadline d = calendar.deadline(start, workingDays);
            return new DeadlineAnswer(d.date(), d.provisional());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(new FieldError("workingDays", "range",
                    "期限超出工作日历的范围（至 " + WorkingCalendar.LAST + "）", e.getMessage()));
        }
    }

    @GetMapping("/working-days")
    WorkingDaysAnswer workingDays(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        inCalendar("from", from, errors);
        inCalendar("to", to, errors);
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "range", "结束日期不能早于开始日期", "to must not be before from"));
        }
        check(errors);
        return new WorkingDaysAnswer(calendar.workingDays(from, to), calendar.provisional(from, to));
    }

    private static void inCalendar(String field, LocalDate day, List<FieldError> errors) {
        if (day.isBefore(WorkingCalendar.FIRST) || day.isAfter(WorkingCalendar.LAST)) {
            errors.add(new FieldError(field, "range",
                    "日期应在 " + WorkingCalendar.FIRST + " 到 " + WorkingCalendar.LAST + " 之间",
                    field + " must be between " + WorkingCalendar.FIRST + " and " + WorkingCalendar.LAST));
        }
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    record DeadlineAnswer(LocalDate deadline, boolean provisional) {
    }

    record WorkingDaysAnswer(int workingDays, boolean provisional) {
    }

    /** A loaded year; offDays counts the days in its holiday ranges, workedDays its 调休 working days. */
    record YearView(int year, String source, Origin origin, String updatedBy, OffsetDateTime updatedAt,
            List<Holiday> holidays, int offDays, int workedDays) {

        static YearView of(CalendarYear y) {
            return new YearView(y.year(), y.source(), y.origin(), y.updatedBy(), y.updatedAt(), y.holidays(),
                    y.offDays(), y.workedDays());
        }
    }
}
