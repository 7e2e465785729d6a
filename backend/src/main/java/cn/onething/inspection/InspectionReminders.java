package cn.onething.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.ClockConfig;
import cn.onething.appointment.BookingCalendar;
import cn.onething.notification.OnceOnly;

/**
 * 踏勘提醒: the day before a joint site visit (from the reminder hour on), the enterprise is reminded once in the
 * app and by message, whether it booked the visit or the lead fixed it; a visit moved later is reminded again.
 */
@Component
class InspectionReminders {

    private final InspectionRepository repository;
    private final InspectionSteps steps;
    private final BookingCalendar calendar;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InspectionReminders(InspectionRepository repository, InspectionSteps steps, BookingCalendar calendar,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.steps = steps;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Reminds the visits due a reminder now; how many this call reminded. */
    @Scheduled(initialDelayString = "${onething.appointments.remind-delay:PT30S}",
            fixedDelayString = "${onething.appointments.remind-interval:PT5M}")
    int remindDue() {
        OffsetDateTime until = calendar.remindUntil().plusDays(1).atStartOfDay(ClockConfig.BEIJING).toOffsetDateTime();
        return OnceOnly.remind(transaction, repository.toRemind(OffsetDateTime.now(clock), until),
                row -> repository.reminded(row.id(), OffsetDateTime.now(clock)),
                row -> steps.tellApplicant(row, "【踏勘提醒】您的办件" + steps.caseNumber(row) + "的" + steps.name(row) + "定于 "
                        + row.visitAt().atZoneSameInstant(ClockConfig.BEIJING).format(InspectionSteps.VISIT_TIME)
                        + " 在 " + row.visitPlace() + " 进行，" + steps.departmentNames(repository.departments(row.id()))
                        + "将一次到场，请安排人员在场并备好相关资料。"));
    }
}
