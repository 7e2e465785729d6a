package cn.onething.inspection;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.appointment.Appointments;
import cn.onething.inspection.InspectionViews.InspectionDetail;
import cn.onething.inspection.InspectionViews.InspectionSummary;
import cn.onething.security.CurrentUser;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api")
class InspectionController {

    private final InspectionService inspections;
    private final InspectionBookings bookings;

    InspectionController(InspectionService inspections, InspectionBookings bookings) {
        this.inspections = inspections;
        this.bookings = bookings;
    }

    /** The list and, with from/to, the calendar of visits. */
    @GetMapping("/inspections")
    PageResult<InspectionSummary> list(CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) InspectionStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return inspections.list(user, from, to, status,
                PageQuery.of(page, size, null, null, java.util.Set.of("visitAt"), "visitAt", false));
    }

    @GetMapping("/inspections/{id}")
    InspectionDetail detail(CurrentUser user, @PathVariable String id) {
        return inspections.detail(user, id);
    }

    @GetMapping("/cases/{caseId}/inspections")
    List<InspectionSummary> ofCase(CurrentUser user, @PathVariable String caseId) {
        return inspections.ofCase(user, caseId);
    }

    /** The half-days the enterprise may book (every department with a team free). */
    @GetMapping("/inspections/{id}/slots")
    List<Appointments.Slot> slots(CurrentUser user, @PathVariable String id) {
        return bookings.slots(user, id);
    }

    /** 踏勘预约: books the half-day, or moves the booking there. */
    @PutMapping("/inspections/{id}/booking")
    InspectionDetail book(CurrentUser user, @PathVariable String id,
            @RequestBody InspectionViews.BookingRequest request) {
        bookings.book(user, id, request);
        return inspections.detail(user, id);
    }

    /** Cancels the enterprise's booking until the evening before: the visit is to be fixed again. */
    @DeleteMapping("/inspections/{id}/booking")
    InspectionDetail cancelBooking(CurrentUser user, @PathVariable String id) {
        bookings.cancel(user, id);
        return inspections.detail(user, id);
    }

    @PostMapping("/inspections/{id}/proposal")
    InspectionDetail propose(CurrentUser user, @PathVariable String id,
            @RequestBody InspectionViews.Proposal proposal) {
        return inspections.propose(user, id, proposal);
    }

    @PostMapping("/inspections/{id}/confirmation")
    InspectionDetail confirm(CurrentUser user, @PathVariable String id,
            @RequestBody InspectionViews.Confirmation confirmation) {
        return inspections.confirm(user, id, confirmation);
    }

    @PostMapping("/inspections/{id}/findings")
    InspectionDetail findings(CurrentUser user, @PathVariable String id, @RequestBody InspectionViews.Findings findings) {
        return inspections.recordFindings(user, id, findings);
    }

    @PostMapping("/inspections/{id}/rectification")
    InspectionDetail rectified(CurrentUser user, @PathVariable String id,
            @RequestBody InspectionViews.Rectification rectification) {
        return inspections.rectified(user, id, rectification);
    }
}
