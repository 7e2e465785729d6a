package cn.onething.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.onething.ClockConfig;
import cn.onething.timelimit.WorkingCalendar;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;

/**
 * When anything in person can be booked (统一预约): the working days ahead, each until the evening before (the
 * department prints the next day's list then), in half-days with the reception's hours, with the places left.
 */
@Component
public class BookingCalendar {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日（EEE）", Locale.CHINA);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Capacity capacity;
    private final WorkingCalendar calendar;
    private final AppointmentProperties properties;
    private final Clock clock;

    BookingCalendar(Capacity capacity, WorkingCalendar calendar, AppointmentProperties properties, Clock clock) {
        this.capacity = capacity;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** The working days that can be booked now: from tomorrow on, while before the evening before each. */
    public List<LocalDate> bookableDays() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.now(clock).plusDays(1);
                days.size() < properties.bookAheadDays(); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && now.isBefore(changeUntil(day))) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Every half-day of the bookable days with the places left where a booking needs a place of each of these
     * resources (resource → places per half-day): the fewest left of any of them.
     */
    public List<Appointments.Slot> slots(Map<String, Integer> places) {
        List<LocalDate> days = bookableDays();
        Map<String, Map<Capacity.Slot, Integer>> booked = new HashMap<>();
        places.keySet().forEach(r -> booked.put(r, capacity.booked(r, days.get(0), days.get(days.size() - 1))));
        int most = places.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        List<Appointments.Slot> slots = new ArrayList<>();
        for (LocalDate day : days) {
            for (HalfDay halfDay : HalfDay.values()) {
                int left = places.entrySet().stream().mapToInt(p -> p.getValue() - booked.get(p.getKey())
                        .getOrDefault(new Capacity.Slot(p.getKey(), day, halfDay), 0)).min().orElse(0);
                slots.add(new Appointments.Slot(day, halfDay, time(halfDay), most, Math.max(0, left)));
            }
        }
        return slots;
    }

    /** The day asked for, as a bookable day, or a problem naming the field `day` and the rule broken. */
    public LocalDate bookableDay(String text) {
        LocalDate day = day(text);
        if (!bookableDays().contains(day)) {
            throw new InvalidRequestException(new FieldError("day", "bookable", "所选日期不可预约：可预约"
                    + "今后 " + properties.bookAheadDays() + " 个工作日，节假日不办公，次日的预约须在前一天 "
                    + CLOCK.format(properties.changeUntil()) + " 前办理", day + " is not a bookable working day"));
        }
        return day;
    }

    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(new FieldError("day", "required", "请选择预约日期", "day is required"));
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(new FieldError("day", "date", "预约日期应是日期，格式 YYYY-MM-DD",
                    "day must be a date (YYYY-MM-DD)"));
        }
    }

    public static HalfDay halfDay(String text) {
        return Arrays.stream(HalfDay.values()).filter(h -> h.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(new FieldError("halfDay", "oneOf",
                        "请选择上午（AM）或下午（PM）", "halfDay must be AM or PM")));
    }

    /** The last day whose bookings are reminded now: tomorrow's from the configured hour on, else today's. */
    public LocalDate remindUntil() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return now.toLocalTime().isBefore(properties.remindAt()) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
    }

    /** Until when a booking of the day may be cancelled or moved: the evening before. */
    public OffsetDateTime changeUntil(LocalDate day) {
        return ZonedDateTime.of(day.minusDays(1), properties.changeUntil(), ClockConfig.BEIJING).toOffsetDateTime();
    }

    public boolean changeable(LocalDate day) {
        return OffsetDateTime.now(clock).isBefore(changeUntil(day));
    }

    /** Refuses a change of a booking of the day once the evening before has come. */
    public void requireChangeable(LocalDate day, String otherwise) {
        if (!changeable(day)) {
            throw new ConflictException("已过取消和改约的截止时间（" + DAY.format(day.minusDays(1))
                    + CLOCK.format(properties.changeUntil()) + "），" + otherwise);
        }
    }

    /** 上午 09:00–12:00 */
    public String time(HalfDay halfDay) {
        return halfDay.label() + " " + CLOCK.format(from(halfDay)) + "–" + CLOCK.format(halfDay == HalfDay.AM
                ? properties.morningTo() : properties.afternoonTo());
    }

    /** When the half-day begins, in Beijing time. */
    public OffsetDateTime startOf(LocalDate day, HalfDay halfDay) {
        return ZonedDateTime.of(day, from(halfDay), ClockConfig.BEIJING).toOffsetDateTime();
    }

    private LocalTime from(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? properties.morningFrom() : properties.afternoonFrom();
    }
}
