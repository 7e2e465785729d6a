package cn.onething.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.bundle.BundleCatalog;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.notification.OnceOnly;

/**
 * 预约提醒: the day before a visit (from the configured hour on; at once for a visit booked later that day), the
 * applicant is reminded in the app and by message, once ({@link OnceOnly}).
 */
@Component
class AppointmentReminders {

    private final AppointmentRepository repository;
    private final AppointmentService appointments;
    private final NotificationService notifications;
    private final BundleCatalog catalog;
    private final BookingCalendar calendar;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AppointmentReminders(AppointmentRepository repository, AppointmentService appointments,
            NotificationService notifications, BundleCatalog catalog, BookingCalendar calendar,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.appointments = appointments;
        this.notifications = notifications;
        this.catalog = catalog;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Reminds the visits due a reminder now; how many this call reminded. */
    @Scheduled(initialDelayString = "${onething.appointments.remind-delay:PT30S}",
            fixedDelayString = "${onething.appointments.remind-interval:PT5M}")
    int remindDue() {
        return OnceOnly.remind(transaction, repository.toRemind(LocalDate.now(clock), calendar.remindUntil()),
                row -> repository.reminded(row.id(), OffsetDateTime.now(clock)),
                row -> notifications.toApplicant(row.applicantId(), Notification.Kind.APPOINTMENT, "预约提醒：您预约了"
                        + appointments.describe(row, catalog.department(row.department())) + "，办理「" + row.purpose()
                        + "」。请按时携带身份证件原件到场；如不能到场，请在办件页面取消或改约。",
                        new NotificationService.Subject(row.caseId(), row.itemCode(), null)));
    }
}
