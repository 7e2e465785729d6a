package cn.onething.timelimit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

import cn.onething.ClockConfig;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.ItemSettings;

/**
 * Deadlines of items and cases, from the working-day calendar. Every item task of a bundle model names
 * this bean ({@code deadlines}) for its due date, its warning date and its timers, so that a new bundle
 * gets time limits without code.
 */
@Component("deadlines")
public class Deadlines {

    private final WorkingCalendar calendar;
    private final BundleCatalog catalog;
    private final TimeLimitProperties rule;
    private final Clock clock;

    public Deadlines(WorkingCalendar calendar, BundleCatalog catalog, TimeLimitProperties rule, Clock clock) {
        this.calendar = calendar;
        this.catalog = catalog;
        this.rule = rule;
        this.clock = clock;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The process variable with the working days an item used before its 补正; the answer sets it. */
    public static String elapsedVariable(String itemCode) {
        return itemCode + "ElapsedDays";
    }

    // ---- expressions in the bundle models ----

    /** The end of the item's last working day: camunda:dueDate. */
    public Date due(DelegateExecution execution) {
        return Date.from(dueAt(itemDeadline(execution).date()));
    }

    /** When the item turns yellow (预警): camunda:followUpDate and the warning timer. */
    public Date warnAt(DelegateExecution execution) {
        return Date.from(warnAt(itemDeadline(execution).date(), itemLimit(execution)));
    }

    /** When the item turns red (超期): the escalation timer. */
    public Date overdueAt(DelegateExecution execution) {
        return Date.from(overdueAt(itemDeadline(execution).date()));
    }

    /** The end of the N-th working day from today: for steps whose limit the model states (e.g. 整改). */
    public Date dueIn(int workingDays) {
        return Date.from(dueAt(calendar.deadline(today(), workingDays).date()));
    }

    /** When a step of N working days turns yellow. */
    public Date warnIn(int workingDays) {
        return Date.from(warnAt(calendar.deadline(today(), workingDays).date(), workingDays));
    }

    /** When a step of N working days is overdue: the start of the day after its last working day. */
    public Date overdueIn(int workingDays) {
        return Date.from(overdueAt(calendar.deadline(today(), workingDays).date()));
    }

    private Deadline itemDeadline(DelegateExecution execution) {
        Object elapsed = execution.getVariable(elapsedVariable(execution.getCurrentActivityId()));
        int used = elapsed instanceof Number n ? n.intValue() : 0;
        return calendar.deadline(today(), Math.max(0, itemLimit(execution) - used));
    }

    private int itemLimit(DelegateExecution execution) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        String itemCode = execution.getCurrentActivityId();
        Bundle.Item item = catalog.bundleOfProcess(processKey).flatMap(b -> b.item(itemCode))
                .orElseThrow(() -> new IllegalStateException(
                        "user task " + itemCode + " of process " + processKey + " is no item of the catalog"));
        // the version of the model the case runs on may promise other days than the catalog's default
        return ItemSettings.promisedDays((BaseElement) execution.getBpmnModelElementInstance(), item);
    }

    // ---- for the platform's views ----

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant dueAt(LocalDate deadline) {
        return startOf(deadline.plusDays(1)).minusSeconds(1);
    }

    /** The start of the day after the deadline's last working day: when its work is overdue. */
    public Instant overdueAt(LocalDate deadline) {
        return startOf(deadline.plusDays(1));
    }

    public Instant warnAt(LocalDate deadline, int limitDays) {
        return startOf(calendar.workingDayBefore(deadline, rule.nearFrom(limitDays)));
    }

    /** Whether a deadline falls in a year whose holiday arrangement is not loaded yet. */
    public boolean provisional(LocalDate deadline) {
        return calendar.provisional(deadline, deadline);
    }

    /** The light of a task from its due and follow-up (warning) dates. */
    public Light light(Date due, Date warnAt) {
        Instant now = clock.instant();
        if (due == null) {
            return null;
        }
        if (now.isAfter(due.toInstant())) {
            return Light.RED;
        }
        return warnAt != null && !now.isBefore(warnAt.toInstant()) ? Light.YELLOW : Light.GREEN;
    }

    /** Working days left until a deadline; negative once it has passed. */
    public int remaining(LocalDate deadline) {
        LocalDate today = today();
        return today.isAfter(deadline) ? -calendar.workingDays(deadline, today) : calendar.workingDays(today, deadline);
    }

    /**
     * What a case or item shows of its limit.
     *
     * @param finishedAt when the work was decided, or null while it runs
     */
    public DeadlineView view(WorkingClock limit, OffsetDateTime finishedAt, OffsetDateTime escalatedAt,
            List<ClockStop> stops) {
        List<DeadlineView.Stop> stopViews = stops.stream().map(s -> new DeadlineView.Stop(s.stoppedOn(), s.resumedOn(),
                calendar.workingDays(s.stoppedOn(), s.resumedOn() == null ? maxToday(s.stoppedOn()) : s.resumedOn())))
                .toList();
        if (!limit.running()) {
            return new DeadlineView(limit.limitDays(), null, false, limit.elapsedDays(),
                    limit.limitDays() - limit.elapsedDays(), Light.PAUSED, null, escalatedAt, stopViews);
        }
        Deadline deadline = limit.deadline(calendar);
        if (finishedAt != null) {
            LocalDate finished = finishedAt.atZoneSameInstant(ClockConfig.BEIJING).toLocalDate();
            int elapsed = limit.elapsed(calendar, maxOf(finished, limit.startedOn()));
            return new DeadlineView(limit.limitDays(), deadline.date(), deadline.provisional(), elapsed,
                    limit.limitDays() - elapsed, null, !finished.isAfter(deadline.date()), escalatedAt, stopViews);
        }
        LocalDate today = today();
        int remaining = remaining(deadline.date());
        Light light = today.isAfter(deadline.date()) ? Light.RED
                : rule.near(remaining, limit.limitDays()) ? Light.YELLOW : Light.GREEN;
        return new DeadlineView(limit.limitDays(), deadline.date(), deadline.provisional(),
                limit.elapsed(calendar, maxOf(today, limit.startedOn())), remaining, light, null, escalatedAt,
                stopViews);
    }

    /** A 补正 pause: from the day the clock stopped to the day the answer came (null while it waits). */
    public record ClockStop(LocalDate stoppedOn, LocalDate resumedOn) {
    }

    private LocalDate maxToday(LocalDate day) {
        return maxOf(today(), day);
    }

    private static LocalDate maxOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ClockConfig.BEIJING).toInstant();
    }
}
