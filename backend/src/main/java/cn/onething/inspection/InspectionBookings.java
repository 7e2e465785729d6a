package cn.onething.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.appointment.Appointments;
import cn.onething.appointment.BookingCalendar;
import cn.onething.appointment.Capacity;
import cn.onething.appointment.HalfDay;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.Application;
import cn.onething.inspection.InspectionRepository.InspectionRow;
import cn.onething.inspection.InspectionViews.Booking;
import cn.onething.inspection.InspectionViews.BookingRequest;
import cn.onething.security.CurrentUser;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/**
 * 踏勘预约: when every department of a joint inspection publishes site-inspection teams, the enterprise books the
 * visit itself — a half-day on which each department still has a team free — instead of waiting for the lead's
 * proposal and the others' confirmations, and may move or cancel it until the evening before. A booking takes a
 * team of every department or of none.
 */
@Service
public class InspectionBookings {

    private final InspectionRepository repository;
    private final InspectionProcess process;
    private final InspectionSteps steps;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final Capacity capacity;
    private final BookingCalendar calendar;

    InspectionBookings(InspectionRepository repository, InspectionProcess process, InspectionSteps steps,
            CaseFileService cases, BundleCatalog catalog, Capacity capacity, BookingCalendar calendar) {
        this.repository = repository;
        this.process = process;
        this.steps = steps;
        this.cases = cases;
        this.catalog = catalog;
        this.capacity = capacity;
        this.calendar = calendar;
    }

    /** What the applicant may do about booking the visit; null when some department publishes no teams. */
    Booking view(InspectionRow row, List<String> departments, Application application) {
        if (teams(departments).isEmpty()) {
            return null;
        }
        LocalDate day = row.bookedDay();
        boolean changeable = day != null && row.status() == InspectionStatus.FIXED && calendar.changeable(day);
        return new Booking(day == null && row.status() == InspectionStatus.SCHEDULING, day, row.bookedHalfDay(),
                day == null ? null : calendar.time(row.bookedHalfDay()), changeable,
                day == null ? null : calendar.changeUntil(day), place(row, application));
    }

    /** The half-days on which every department of the inspection has a team free. */
    @Transactional(readOnly = true)
    public List<Appointments.Slot> slots(CurrentUser user, String id) {
        InspectionRow row = ownInspection(user, id);
        Map<String, Integer> teams = bookableTeams(row);
        Map<String, Integer> places = new LinkedHashMap<>();
        teams.forEach((department, count) -> places.put(Capacity.inspectionTeams(department), count));
        return calendar.slots(places);
    }

    /** Books the visit, or moves the booking to another half-day (改约). */
    @Transactional
    public void book(CurrentUser user, String id, BookingRequest request) {
        InspectionRow row = ownInspection(user, id);
        Map<String, Integer> teams = bookableTeams(row);
        String name = steps.name(row);
        if (row.bookedDay() != null) {
            move(user, row, teams, name, request);
            return;
        }
        if (!process.awaitsBooking(row.processInstanceId())) {
            throw new ConflictException(name + "的时间已由牵头部门拟定（" + row.status().zh + "），请留意确定后的通知");
        }
        String place = place(request.place(), place(row, cases.application(row.caseId())));
        LocalDate day = calendar.bookableDay(request.day());
        HalfDay halfDay = BookingCalendar.halfDay(request.halfDay());
        takeTeams(teams, day, halfDay);
        if (!repository.book(row.id(), null, null, day, halfDay, calendar.startOf(day, halfDay), place)) {
            throw new ConflictException(name + "已预约，请刷新后查看");
        }
        cases.addTimelineEntry(row.caseId(), "INSPECTION_BOOKED", row.code(), user.name(),
                name + "：企业预约 " + BookingCalendar.DAY.format(day) + calendar.time(halfDay) + "，地点：" + place);
        try {
            process.booked(row.processInstanceId());
        } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
            throw new ConflictException("牵头部门刚刚拟定了" + name + "的时间，请刷新后查看");
        }
    }

    /**
     * Takes the booking back until the evening before: the departments' teams are free again and the visit is open
     * to a new booking or the lead's proposal.
     */
    @Transactional
    public void cancel(CurrentUser user, String id) {
        InspectionRow row = ownInspection(user, id);
        Map<String, Integer> teams = bookableTeams(row);
        String name = steps.name(row);
        if (row.bookedDay() == null) {
            throw new ConflictException(name + "没有您的预约（时间由牵头部门拟定）");
        }
        requireChangeable(row, name);
        release(teams, row);
        if (!repository.cancelBooking(row.id(), row.bookedDay(), row.bookedHalfDay())) {
            throw new ConflictException(name + "的预约刚刚改过，请刷新后查看");
        }
        cases.addTimelineEntry(row.caseId(), "INSPECTION_BOOKING_CANCELLED", row.code(), user.name(), name
                + "：企业取消预约（原定 " + BookingCalendar.DAY.format(row.bookedDay()) + calendar.time(row.bookedHalfDay())
                + "），可重新预约，或由牵头部门" + catalog.departmentName(row.leadDepartment()) + "拟定时间");
        process.bookingCancelled(row.processInstanceId());
    }

    private void requireChangeable(InspectionRow row, String name) {
        if (row.status() != InspectionStatus.FIXED) {
            throw new ConflictException(name + "已在进行，不能改约或取消（" + row.status().zh + "）");
        }
        calendar.requireChangeable(row.bookedDay(), "如需改期请联系牵头部门" + catalog.departmentName(row.leadDepartment()));
    }

    private void release(Map<String, Integer> teams, InspectionRow row) {
        teams.keySet().forEach(d -> capacity.release(new Capacity.Slot(Capacity.inspectionTeams(d), row.bookedDay(),
                row.bookedHalfDay())));
    }

    private void move(CurrentUser user, InspectionRow row, Map<String, Integer> teams, String name,
            BookingRequest request) {
        requireChangeable(row, name);
        String place = place(request.place(), row.visitPlace());
        LocalDate day = calendar.bookableDay(request.day());
        HalfDay halfDay = BookingCalendar.halfDay(request.halfDay());
        if (day.equals(row.bookedDay()) && halfDay == row.bookedHalfDay()) {
            throw new InvalidRequestException(new FieldError("day", "changed", "请选择与原预约不同的时段",
                    "pick another half-day than the booked one"));
        }
        takeTeams(teams, day, halfDay);
        release(teams, row);
        if (!repository.book(row.id(), row.bookedDay(), row.bookedHalfDay(), day, halfDay,
                calendar.startOf(day, halfDay), place)) {
            throw new ConflictException(name + "的预约刚刚改过，请刷新后查看");
        }
        cases.addTimelineEntry(row.caseId(), "INSPECTION_MOVED", row.code(), user.name(), name + "：企业改约 "
                + BookingCalendar.DAY.format(row.bookedDay()) + calendar.time(row.bookedHalfDay()) + " → "
                + BookingCalendar.DAY.format(day) + calendar.time(halfDay) + "，地点：" + place);
    }

    /** A team of each department, in the order of their codes so that concurrent bookings lock alike. */
    private void takeTeams(Map<String, Integer> teams, LocalDate day, HalfDay halfDay) {
        teams.forEach((department, count) -> capacity.take(
                new Capacity.Slot(Capacity.inspectionTeams(department), day, halfDay), count)
                .orElseThrow(() -> new ConflictException(BookingCalendar.DAY.format(day) + halfDay.label()
                        + catalog.departmentName(department) + "的踏勘组已约满，请选择其他时段")));
    }

    /** Each department's teams, ordered by code; empty when any of them publishes none. */
    private Map<String, Integer> teams(List<String> departments) {
        Map<String, Integer> teams = new LinkedHashMap<>();
        departments.stream().sorted().forEach(d -> teams.put(d, catalog.department(d).inspectionTeams()));
        return teams.containsValue(0) ? Map.of() : teams;
    }

    private Map<String, Integer> bookableTeams(InspectionRow row) {
        Map<String, Integer> teams = teams(repository.departments(row.id()));
        if (teams.isEmpty()) {
            throw new ConflictException(steps.name(row) + "的时间由牵头部门" + catalog.departmentName(row.leadDepartment())
                    + "拟定并通知您（有参加部门未公布踏勘组，不能自助预约）");
        }
        return teams;
    }

    private InspectionRow ownInspection(CurrentUser user, String id) {
        if (!user.isCitizen() && !user.isEnterprise()) {
            throw new ForbiddenException("踏勘由申请人本人预约");
        }
        return repository.find(id).filter(r -> cases.application(r.caseId()).applicantId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("没有这个踏勘：" + id));
    }

    /** The place the enterprise's form gives for the visit (the bundle's placeField), if any. */
    private String place(InspectionRow row, Application application) {
        if (row.visitPlace() != null) {
            return row.visitPlace();
        }
        return catalog.bundle(application.bundleCode()).flatMap(b -> b.inspection(row.code()))
                .map(Bundle.InspectionSpec::placeField).map(application.form()::get).orElse(null);
    }

    private static String place(String given, String otherwise) {
        String place = given == null || given.isBlank() ? otherwise : given.strip();
        if (place == null || place.isBlank()) {
            throw new InvalidRequestException(new FieldError("place", "required", "请填写踏勘地点", "place is required"));
        }
        if (place.length() > 200) {
            throw new InvalidRequestException(new FieldError("place", "maxLength", "踏勘地点不能超过 200 字",
                    "at most 200 characters"));
        }
        return place;
    }
}
