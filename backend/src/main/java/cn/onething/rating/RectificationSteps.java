package cn.onething.rating;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.onething.casefile.CaseFileService;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.rating.RatingRepository.RatingRow;
import cn.onething.rating.RatingViews.RectificationStatus;
import cn.onething.timelimit.Deadlines;

/**
 * What the ratingRectification model does by itself ({@code ${rectification.…}}): ask the applicant for
 * the callback, and close the rating (销号) with its outcome on the rating and on the case.
 */
// public: the models call its methods through expressions, which reach only public classes.
@Component("rectification")
public class RectificationSteps {

    private final RatingRepository ratings;
    private final NotificationService notifications;
    private final CaseFileService cases;
    private final Deadlines deadlines;
    private final Clock clock;

    RectificationSteps(RatingRepository ratings, NotificationService notifications, CaseFileService cases,
            Deadlines deadlines, Clock clock) {
        this.ratings = ratings;
        this.notifications = notifications;
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public void callbackAsked(DelegateExecution execution) {
        RatingRow rating = rating(execution);
        int days = (Integer) execution.getVariable("callbackDays");
        ratings.status(rating.id(), RectificationStatus.CALLBACK);
        ratings.addEvent(rating.id(), OffsetDateTime.now(clock), "CALLBACK_ASKED", "系统",
                "整改完成，请申请人在 " + days + " 个工作日内回访答复，逾期视为无异议");
        notifications.toApplicant(rating.raterId(), Notification.Kind.RECTIFICATION,
                "您的差评已整改，请查看整改情况并答复问题是否已解决。", subject(rating));
    }

    public void closed(DelegateExecution execution, String status) {
        RatingRow rating = rating(execution);
        RectificationStatus closedAs = RectificationStatus.valueOf(status);
        Object solved = execution.getVariable("solved");
        String outcome = closedAs == RectificationStatus.EXCLUDED ? "经评价管理部门审核，该差评属误评或恶意差评，予以排除"
                : Boolean.TRUE.equals(solved) ? "已整改，申请人确认问题已解决"
                : Boolean.FALSE.equals(solved) ? "已整改，申请人认为问题未解决（可申诉）"
                : "已整改，申请人逾期未答复，视为无异议";
        int appealDays = (Integer) execution.getVariable("appealDays");
        OffsetDateTime now = OffsetDateTime.now(clock);
        ratings.closed(rating.id(), closedAs, outcome, now,
                deadlines.calendar().deadline(now.toLocalDate(), appealDays).date());
        ratings.addEvent(rating.id(), now, closedAs.name(), "系统", "销号：" + outcome);
        cases.addTimelineEntry(rating.caseId(), "RATING_CLOSED", rating.itemCode(), "系统", "差评整改销号：" + outcome);
        notifications.toApplicant(rating.raterId(), Notification.Kind.RECTIFICATION,
                "您的差评已销号：" + outcome + "。如有异议，可在 " + appealDays + " 个工作日内申诉。", subject(rating));
    }

    private RatingRow rating(DelegateExecution execution) {
        return ratings.find(execution.getProcessBusinessKey()).orElseThrow(
                () -> new IllegalStateException("no rating " + execution.getProcessBusinessKey()));
    }

    static NotificationService.Subject subject(RatingRow rating) {
        return new NotificationService.Subject(rating.caseId(), rating.itemCode(), null);
    }
}
