package cn.onething.timelimit;

import java.time.LocalDate;

/**
 * A limit of working days running from a start day (not counted, 民法典 第201条), stopped while the
 * applicant supplements and resumed with what was left: waiting for the applicant is not counted.
 *
 * @param elapsedDays working days used before the current run
 * @param stoppedOn the day the clock stopped, or null while it runs
 */
public record WorkingClock(int limitDays, LocalDate startedOn, int elapsedDays, LocalDate stoppedOn) {

    public static WorkingClock start(int limitDays, LocalDate day) {
        return new WorkingClock(limitDays, day, 0, null);
    }

    public boolean running() {
        return stoppedOn == null;
    }

    /** The deadline of the current run: what is left of the limit, counted from the day it (re)started. */
    public Deadline deadline(WorkingCalendar calendar) {
        return calendar.deadline(startedOn, Math.max(0, limitDays - elapsedDays));
    }

    public int elapsed(WorkingCalendar calendar, LocalDate today) {
        return elapsedDays + (running() && today.isAfter(startedOn) ? calendar.workingDays(startedOn, today) : 0);
    }

    /** The stop day itself counts as used; the days until the answer do not. */
    public WorkingClock stop(WorkingCalendar calendar, LocalDate day) {
        return running() ? new WorkingClock(limitDays, startedOn, elapsed(calendar, day), day) : this;
    }

    public WorkingClock resume(LocalDate day) {
        return running() ? this : new WorkingClock(limitDays, day, elapsedDays, null);
    }
}
