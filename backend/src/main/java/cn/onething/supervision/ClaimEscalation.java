package cn.onething.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.supervision.SupervisionRepository.PushRow;

/**
 * A push nobody claimed within its limit goes to the department's leads (督办), once. Pushes are rows,
 * not engine jobs, so a periodic check finds them; every node may run it, the first one to mark a push wins.
 */
@Component
class ClaimEscalation {

    private static final Logger log = LoggerFactory.getLogger(ClaimEscalation.class);

    private final SupervisionRepository repository;
    private final NotificationService notifications;
    private final Clock clock;

    ClaimEscalation(SupervisionRepository repository, NotificationService notifications, Clock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Escalates the pushes past their claim deadline; returns how many this call escalated. */
    @Scheduled(fixedDelayString = "${onething.supervision.escalation-check:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public int escalateOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int escalated = 0;
        for (PushRow push : repository.overdue(LocalDate.now(clock))) {
            if (repository.escalate(push.id(), now)) {
                notifications.toLeads(push.department(), Notification.Kind.ESCALATION,
                        "【督办】" + push.holderName() + "的" + push.licenceName() + "（证照编号 " + push.licenceNumber()
                                + "）已超过认领期限（" + push.claimDue() + "）仍未认领，请尽快安排认领并开展监管。",
                        new NotificationService.Subject(push.caseId(), null, null));
                escalated++;
            }
        }
        if (escalated > 0) {
            log.info("{} supervision pushes escalated past their claim deadline", escalated);
        }
        return escalated;
    }
}
