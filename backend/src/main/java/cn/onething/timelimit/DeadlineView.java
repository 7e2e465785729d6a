package cn.onething.timelimit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case's or item's time limit as the UI shows it.
 *
 * @param dueDate the last working day; null while the clock is stopped
 * @param provisional the deadline falls in a year whose holiday arrangement is not loaded yet
 * @param remainingDays working days left; negative once overdue
 * @param light null once the work is finished; then {@code onTime} says whether it met the deadline
 */
public record DeadlineView(int limitDays, LocalDate dueDate, boolean provisional, int elapsedDays, int remainingDays,
        Light light, Boolean onTime, OffsetDateTime escalatedAt, List<Stop> stops) {

    /** A stopped-clock period (补正): not counted against the limit. */
    public record Stop(LocalDate stoppedOn, LocalDate resumedOn, int workingDays) {
    }
}
