package cn.onething.appointment;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hours of a reception's half-days, how far ahead visits are booked (working days), and until when of the
 * day before a visit it may still be cancelled or moved (the department prints the next day's list then).
 */
@ConfigurationProperties("onething.appointments")
record AppointmentProperties(@DefaultValue("09:00") LocalTime morningFrom, @DefaultValue("12:00") LocalTime morningTo,
        @DefaultValue("13:30") LocalTime afternoonFrom, @DefaultValue("17:00") LocalTime afternoonTo,
        @DefaultValue("10") int bookAheadDays, @DefaultValue("18:00") LocalTime changeUntil,
        @DefaultValue("09:00") LocalTime remindAt) {
}
