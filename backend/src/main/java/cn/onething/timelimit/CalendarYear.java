package cn.onething.timelimit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** One year's holiday arrangement as the calendar uses it, checked, and where this copy came from. */
public record CalendarYear(int year, String source, List<Holiday> holidays, Origin origin, String updatedBy,
        OffsetDateTime updatedAt) {

    public CalendarYear {
        holidays = List.copyOf(holidays);
    }

    /** Days off from {@code from} to {@code to} (both included) and the weekend days worked instead (调休). */
    public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> worked) {

        public Holiday {
            worked = List.copyOf(worked);
        }
    }

    public enum Origin {
        /** bpmn/calendar/{year}.yaml, shipped with a release. */
        FILE,
        /** Uploaded by an administrator; overrides the file. */
        DATABASE;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Days in the holiday ranges, weekends included. */
    public int offDays() {
        return holidays.stream().mapToInt(h -> (int) ChronoUnit.DAYS.between(h.from(), h.to()) + 1).sum();
    }

    public int workedDays() {
        return holidays.stream().mapToInt(h -> h.worked().size()).sum();
    }
}
