package cn.onething.timelimit;

import java.time.LocalDate;

/**
 * The last day of a time limit. Provisional when a year it spans has no holiday arrangement loaded yet
 * (counted on weekends alone): it may move once the State Council publishes that year.
 */
public record Deadline(LocalDate date, boolean provisional) {
}
