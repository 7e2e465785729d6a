package cn.onething.timelimit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.onething.timelimit.CalendarYear.Holiday;

/**
 * China's working days (工作日): Monday–Friday work, Saturday–Sunday rest, overridden by each year's
 * State Council arrangement (holidays off, 调休 weekend days worked). A time limit of N working days
 * does not count its start day (民法典 第二百零一条) and ends on the N-th working day after it.
 * <p>
 * Every answer is a lookup in arrays precomputed for {@link #FIRST} … {@link #LAST}; a reload builds
 * new arrays and swaps them in at once, so readers never see half a calendar.
 */
@Component
public class WorkingCalendar {

    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2215, 12, 31);

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    private static final long FIRST_DAY = FIRST.toEpochDay();
    private static final long LAST_DAY = LAST.toEpochDay();

    private final CalendarStore store;
    private final List<CalendarYear> files;
    private volatile Snapshot snapshot;

    /** The platform's calendar: the shipped files, then the years administrators stored over them. */
    @Autowired
    WorkingCalendar(CalendarStore store) {
        this.store = store;
        this.files = CalendarFiles.read();
        reload();
    }

    private WorkingCalendar(Collection<CalendarYear> years) {
        this.store = null;
        this.files = List.copyOf(years);
        this.snapshot = new Snapshot(files, null);
    }

    /** A calendar of exactly these years, outside Spring (a later year overrides an earlier one of the same number). */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        return new WorkingCalendar(years);
    }

    /** A calendar of the files shipped under bpmn/calendar/, without the database. */
    public static WorkingCalendar fromFiles() {
        return of(CalendarFiles.read());
    }

    /** The N-th working day after start (start itself for N = 0). */
    public Deadline deadline(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        Snapshot s = snapshot;
        int from = index(start);
        if (workingDays == 0) {
            return new Deadline(start, s.provisional(start.getYear(), start.getYear()));
        }
        long nth = (long) s.countTo[from] + workingDays;
        if (nth > s.workingDays.length) {
            throw new IllegalArgumentException(workingDays + " working days after " + start + " is after " + LAST
                    + ", the end of the working-day calendar");
        }
        LocalDate date = LocalDate.ofEpochDay(s.workingDays[(int) nth - 1]);
        return new Deadline(date, s.provisional(start.getYear(), date.getYear()));
    }

    /** Working days in (from, to]: from not counted, to counted. */
    public int workingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Snapshot s = snapshot;
        return s.countTo[index(to)] - s.countTo[index(from)];
    }

    public boolean isWorkingDay(LocalDate day) {
        int i = index(day);
        Snapshot s = snapshot;
        return s.countTo[i] != s.countTo[i - 1];
    }

    /**
     * The earliest day Y with {@code workingDays(Y, deadline) == n}: the n-th working day counted back
     * (where a "due soon" warning n days ahead starts). The deadline itself for n = 0.
     */
    public LocalDate workingDayBefore(LocalDate deadline, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        int to = index(deadline);
        if (n == 0) {
            return deadline;
        }
        Snapshot s = snapshot;
        int nth = s.countTo[to] - n;
        if (nth < 1) {
            throw new IllegalArgumentException(n + " working days before " + deadline + " is before " + FIRST
                    + ", the start of the working-day calendar");
        }
        return LocalDate.ofEpochDay(s.workingDays[nth - 1]);
    }

    /** Whether a year from from's to to's has no arrangement loaded, so that only weekends were counted. */
    public boolean provisional(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        index(from);
        index(to);
        return snapshot.provisional(from.getYear(), to.getYear());
    }

    /** The loaded years, by year. */
    public List<CalendarYear> years() {
        return List.copyOf(snapshot.years.values());
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(snapshot.years.get(year));
    }

    /** Reads the database again over the files and swaps the new calendar in. */
    synchronized void reload() {
        List<CalendarYear> stored = store == null ? List.of() : store.all();
        List<CalendarYear> years = new ArrayList<>(files);
        years.addAll(stored);
        snapshot = new Snapshot(years, CalendarStore.Stamp.of(stored));
    }

    /** Another node may have stored a year in the shared database. */
    @Scheduled(initialDelay = 60, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        try {
            if (store != null && !store.stamp().equals(snapshot.stamp)) {
                reload();
                log.info("working-day calendar reloaded: years {}", snapshot.years.keySet());
            }
        } catch (RuntimeException e) {
            log.warn("working-day calendar not refreshed, keeping the loaded one", e);
        }
    }

    private static int index(LocalDate day) {
        long epochDay = day.toEpochDay();
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            throw new IllegalArgumentException(day + " is outside the working-day calendar (" + FIRST + " … " + LAST + ")");
        }
        return (int) (epochDay - FIRST_DAY) + 1;
    }

    /** What the lookups read; never changed once built. */
    private static final class Snapshot {

        private static final byte OFF = 1;
        private static final byte WORKED = 2;

        /** countTo[i]: working days from FIRST up to and including day i, day 1 being FIRST; countTo[0] = 0. */
        final int[] countTo;
        /** The epoch day of each working day in the range, in order. */
        final int[] workingDays;
        /** unloadedBefore[i]: years without an arrangement among FIRST's year … FIRST's year + i - 1. */
        final int[] unloadedBefore;
        final Map<Integer, CalendarYear> years = new TreeMap<>();
        final CalendarStore.Stamp stamp;

        Snapshot(Collection<CalendarYear> loaded, CalendarStore.Stamp stamp) {
            this.stamp = stamp;
            loaded.forEach(y -> years.put(y.year(), y));
            int days = (int) (LAST_DAY - FIRST_DAY + 1);
            byte[] override = new byte[days];
            for (CalendarYear y : years.values()) {
                for (Holiday h : y.holidays()) {
                    for (long d = h.from().toEpochDay(); d <= h.to().toEpochDay(); d++) {
                        override[(int) (d - FIRST_DAY)] = OFF;
                    }
                    h.worked().forEach(d -> override[(int) (d.toEpochDay() - FIRST_DAY)] = WORKED);
                }
            }
            countTo = new int[days + 1];
            int[] list = new int[days];
            int n = 0;
            for (int i = 0; i < days; i++) {
                long epochDay = FIRST_DAY + i;
                boolean weekday = Math.floorMod(epochDay + 3, 7) < 5; // epoch day 0, 1970-01-01, was a Thursday
                if (override[i] == WORKED || override[i] == 0 && weekday) {
                    list[n++] = (int) epochDay;
                }
                countTo[i + 1] = n;
            }
            workingDays = Arrays.copyOf(list, n);
            int yearCount = LAST.getYear() - FIRST.getYear() + 1;
            unloadedBefore = new int[yearCount + 1];
            for (int i = 0; i < yearCount; i++) {
                unloadedBefore[i + 1] = unloadedBefore[i] + (years.containsKey(FIRST.getYear() + i) ? 0 : 1);
            }
        }

        boolean provisional(int fromYear, int toYear) {
            return unloadedBefore[toYear - FIRST.getYear() + 1] - unloadedBefore[fromYear - FIRST.getYear()] > 0;
        }
    }
}
