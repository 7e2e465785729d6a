package cn.onething.appointment;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.appointment.Appointments.Appointment;
import cn.onething.security.CurrentUser;

@RestController
@RequestMapping("/api")
class AppointmentController {

    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    /** 到场名单 of the officer's receptions on `day` (today by default). */
    @GetMapping("/appointments")
    List<Appointments.Listed> dayList(CurrentUser user, @RequestParam(required = false) String day) {
        return appointments.dayList(user, day);
    }

    @GetMapping("/cases/{caseId}/visits")
    List<Appointments.Visit> visits(CurrentUser user, @PathVariable String caseId) {
        return appointments.visits(user, caseId);
    }

    @GetMapping("/cases/{caseId}/visits/{itemCode}/slots")
    List<Appointments.Slot> slots(CurrentUser user, @PathVariable String caseId, @PathVariable String itemCode) {
        return appointments.slots(user, caseId, itemCode);
    }

    @GetMapping("/cases/{caseId}/appointments")
    List<Appointment> ofCase(CurrentUser user, @PathVariable String caseId) {
        return appointments.ofCase(user, caseId);
    }

    @PostMapping("/cases/{caseId}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    Appointment book(CurrentUser user, @PathVariable String caseId, @RequestBody Appointments.Book request) {
        return appointments.book(user, caseId, request);
    }

    @PostMapping("/appointments/{id}/move")
    Appointment move(CurrentUser user, @PathVariable long id, @RequestBody Appointments.Move request) {
        return appointments.move(user, id, request);
    }

    @PostMapping("/appointments/{id}/cancel")
    Appointment cancel(CurrentUser user, @PathVariable long id) {
        return appointments.cancel(user, id);
    }
}
