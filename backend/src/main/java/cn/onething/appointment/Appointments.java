package cn.onething.appointment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the applicant's side shows of visits (统一预约). */
public final class Appointments {

    private Appointments() {
    }

    /**
     * An in-person step of a case: where, for what, whether it can be booked now (and if not, why), and its
     * booking when it has one.
     */
    public record Visit(String itemCode, String itemName, String purpose, String departmentName, String place,
            boolean bookable, String note, Appointment appointment) {
    }

    /** A booking, with whether it may still be cancelled or moved, and until when. */
    public record Appointment(long id, String caseId, String itemCode, String purpose, String departmentName,
            String place, LocalDate day, HalfDay halfDay, String time, int queueNumber, int window, String status,
            boolean changeable, OffsetDateTime changeUntil, OffsetDateTime bookedAt) {
    }

    /** A booking on a reception's day list (到场名单): whose, for which case, with the applicant's name masked. */
    public record Listed(Appointment appointment, String caseNumber, String applicantName) {
    }

    /** A half-day of the reception that can be booked, with the places left. */
    public record Slot(LocalDate day, HalfDay halfDay, String time, int capacity, int remaining) {
    }

    /** A booking asked for: the day as YYYY-MM-DD, the half-day AM or PM (checked with the field named). */
    public record Book(String itemCode, String day, String halfDay) {
    }

    public record Move(String day, String halfDay) {
    }
}
