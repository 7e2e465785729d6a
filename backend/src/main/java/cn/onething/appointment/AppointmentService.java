package cn.onething.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.appointment.AppointmentRepository.Row;
import cn.onething.appointment.AppointmentRepository.Status;
import cn.onething.appointment.Appointments.Appointment;
import cn.onething.appointment.Appointments.Visit;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.ItemView;
import cn.onething.casefile.ItemStatus;
import cn.onething.security.CurrentUser;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.Mask;
import cn.onething.web.NotFoundException;

/**
 * 统一预约: the applicant books the in-person steps of their case (a visit an item's bundle entry names) from
 * the department's published capacity, on the working days ahead, and may cancel or move a booking until the
 * evening before.
 */
@Service
public class AppointmentService {

    private final AppointmentRepository repository;
    private final Capacity capacity;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final BookingCalendar calendar;
    private final Clock clock;

    AppointmentService(AppointmentRepository repository, Capacity capacity, CaseFileService cases,
            BundleCatalog catalog, BookingCalendar calendar, Clock clock) {
        this.repository = repository;
        this.capacity = capacity;
        this.cases = cases;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The case's in-person steps, each with its booking or why it cannot be booked yet. */
    @Transactional(readOnly = true)
    public List<Visit> visits(CurrentUser user, String caseId) {
        CaseDetail detail = cases.detail(user, caseId);
        Bundle bundle = catalog.bundle(detail.bundleCode()).orElseThrow();
        List<Visit> visits = new ArrayList<>();
        for (Bundle.Item item : bundle.items()) {
            if (item.visit() == null || detail.items().stream().noneMatch(i -> i.code().equals(item.code()))) {
                continue;
            }
            ItemView state = detail.item(item.code());
            Department department = catalog.department(state.department());
            Optional<String> closed = closedBecause(item.visit(), state, department);
            visits.add(new Visit(item.code(), item.name(), item.visit().purpose(), department.name(),
                    department.reception() == null ? null : department.reception().place(), closed.isEmpty(),
                    closed.orElse(null), repository.booked(caseId, item.code()).map(this::view).orElse(null)));
        }
        return visits;
    }

    /** The half-days that can be booked for the visit, with the places left. */
    @Transactional(readOnly = true)
    public List<Appointments.Slot> slots(CurrentUser user, String caseId, String itemCode) {
        Department department = openVisit(user, caseId, itemCode).department();
        return calendar.slots(Map.of(department.code(), department.reception().perHalfDay()));
    }

    @Transactional
    public Appointment book(CurrentUser user, String caseId, Appointments.Book request) {
        if (request.itemCode() == null || request.itemCode().isBlank()) {
            throw new InvalidRequestException(new FieldError("itemCode", "required", "请选择要预约的事项",
                    "itemCode is required"));
        }
        OpenVisit visit = openVisit(user, caseId, request.itemCode());
        if (repository.booked(caseId, request.itemCode()).isPresent()) {
            throw new ConflictException("「" + visit.purpose() + "」已有预约，可改约或取消后重新预约");
        }
        Row row = take(user, visit, caseId, request.itemCode(), request.day(), request.halfDay());
        cases.addTimelineEntry(caseId, "APPOINTMENT_BOOKED", request.itemCode(), user.name(),
                "预约" + describe(row, visit.department()));
        return view(row);
    }

    /** 改约: the new half-day is taken before the old one is given back, so a full day never loses the booking. */
    @Transactional
    public Appointment move(CurrentUser user, long id, Appointments.Move request) {
        Row old = ownBooking(user, id);
        OpenVisit visit = openVisit(user, old.caseId(), old.itemCode());
        requireChangeable(old);
        if (old.day().toString().equals(request.day()) && old.halfDay().name().equals(request.halfDay())) {
            throw new InvalidRequestException(new FieldError("day", "changed", "请选择与原预约不同的时段",
                    "pick another half-day than the booked one"));
        }
        if (!repository.end(old.id(), Status.MOVED, OffsetDateTime.now(clock))) {
            throw new ConflictException("该预约已取消或已改约");
        }
        capacity.release(new Capacity.Slot(old.department(), old.day(), old.halfDay()));
        Row moved = take(user, visit, old.caseId(), old.itemCode(), request.day(), request.halfDay());
        cases.addTimelineEntry(old.caseId(), "APPOINTMENT_MOVED", old.itemCode(), user.name(),
                "改约：" + describe(old, visit.department()) + " → " + describe(moved, visit.department()));
        return view(moved);
    }

    @Transactional
    public Appointment cancel(CurrentUser user, long id) {
        Row row = ownBooking(user, id);
        requireChangeable(row);
        if (!repository.end(row.id(), Status.CANCELLED, OffsetDateTime.now(clock))) {
            throw new ConflictException("该预约已取消或已改约");
        }
        capacity.release(new Capacity.Slot(row.department(), row.day(), row.halfDay()));
        Department department = catalog.department(row.department());
        cases.addTimelineEntry(row.caseId(), "APPOINTMENT_CANCELLED", row.itemCode(), user.name(),
                "取消预约：" + describe(row, department));
        return view(repository.find(id).orElseThrow());
    }

    /** The bookings of the case, the newest first (moved and cancelled ones too). */
    @Transactional(readOnly = true)
    public List<Appointment> ofCase(CurrentUser user, String caseId) {
        cases.detail(user, caseId);
        return repository.ofCase(caseId).stream().map(this::view).toList();
    }

    /**
     * 到场名单: who comes to the officer's departments' receptions on the day (a lead's sub-departments too; every
     * department for a manager), in the order of the queue.
     */
    @Transactional(readOnly = true)
    public List<Appointments.Listed> dayList(CurrentUser user, String dayText) {
        if (!user.isOfficer() && !user.isManager()) {
            throw new ForbiddenException("到场名单仅供部门工作人员查看");
        }
        LocalDate day = dayText == null || dayText.isBlank() ? LocalDate.now(clock) : BookingCalendar.day(dayText);
        // a lead's departments include its sub-departments already
        Collection<String> departments = user.isManager()
                ? catalog.departments().stream().map(Department::code).toList() : user.departments();
        return repository.dayList(departments, day).stream()
                .map(l -> new Appointments.Listed(view(l.row()), l.caseNumber(), Mask.name(l.applicantName())))
                .toList();
    }

    private Row take(CurrentUser user, OpenVisit visit, String caseId, String itemCode, String dayText,
            String halfDayText) {
        LocalDate day = calendar.bookableDay(dayText);
        HalfDay halfDay = BookingCalendar.halfDay(halfDayText);
        Department department = visit.department();
        Capacity.Slot slot = new Capacity.Slot(department.code(), day, halfDay);
        int number = capacity.take(slot, department.reception().perHalfDay()).orElseThrow(() ->
                new ConflictException(BookingCalendar.DAY.format(day) + halfDay.label() + "已约满，请选择其他时段"));
        int window = (number - 1) % department.reception().windows() + 1;
        if (!repository.insert(caseId, itemCode, visit.purpose(), user.id(), slot, number, window,
                OffsetDateTime.now(clock))) {
            throw new ConflictException("「" + visit.purpose() + "」已有预约，可改约或取消后重新预约");
        }
        return repository.booked(caseId, itemCode).orElseThrow();
    }

    private record OpenVisit(Department department, String purpose) {
    }

    /** The visit of the case's item, which the user (its applicant) may book now. */
    private OpenVisit openVisit(CurrentUser user, String caseId, String itemCode) {
        if (!user.isCitizen() && !user.isEnterprise()) {
            throw new ForbiddenException("只有申请人本人可以预约");
        }
        CaseDetail detail = cases.detail(user, caseId);
        Bundle.Item item = catalog.bundle(detail.bundleCode()).flatMap(b -> b.item(itemCode))
                .filter(i -> i.visit() != null && detail.items().stream().anyMatch(v -> v.code().equals(itemCode)))
                .orElseThrow(() -> new NotFoundException("该办件没有需要预约的事项「" + itemCode + "」"));
        ItemView state = detail.item(itemCode);
        Department department = catalog.department(state.department());
        closedBecause(item.visit(), state, department).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        return new OpenVisit(department, item.visit().purpose());
    }

    private static Optional<String> closedBecause(Bundle.Visit visit, ItemView state, Department department) {
        if (department.reception() == null) {
            return Optional.of(department.name() + "暂未开放预约");
        }
        if (state.status() == ItemStatus.REJECTED || state.status() == ItemStatus.SKIPPED) {
            return Optional.of("该事项未予办理，无需到场");
        }
        if (visit.opens() == Bundle.VisitOpens.APPROVED && state.status() != ItemStatus.APPROVED) {
            return Optional.of("事项办结后即可预约");
        }
        return Optional.empty();
    }

    private Row ownBooking(CurrentUser user, long id) {
        return repository.find(id).filter(r -> r.applicantId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("没有找到该预约"));
    }

    private void requireChangeable(Row row) {
        if (row.status() != Status.BOOKED) {
            throw new ConflictException("该预约已取消或已改约");
        }
        calendar.requireChangeable(row.day(), "如不能到场请联系窗口");
    }

    /** 12月7日（周一）上午 09:00–12:00，市第一人民医院… 2 号窗口，排队号 3 */
    String describe(Row row, Department department) {
        return BookingCalendar.DAY.format(row.day()) + calendar.time(row.halfDay()) + "，" + department.reception().place() + " "
                + row.window() + " 号窗口，排队号 " + row.queueNumber();
    }

    Appointment view(Row row) {
        Department department = catalog.department(row.department());
        OffsetDateTime until = calendar.changeUntil(row.day());
        return new Appointment(row.id(), row.caseId(), row.itemCode(), row.purpose(), department.name(),
                department.reception() == null ? null : department.reception().place(), row.day(), row.halfDay(),
                calendar.time(row.halfDay()), row.queueNumber(), row.window(), row.status().name(),
                row.status() == Status.BOOKED && OffsetDateTime.now(clock).isBefore(until), until, row.bookedAt());
    }
}
