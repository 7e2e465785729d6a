package cn.onething.rating;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;

/** A rectification step past its working-day deadline goes to the rating office (managers) for 督办. */
@Component("rectificationOverdue")
class RectificationOverdue implements TaskListener {

    private final RatingRepository ratings;
    private final NotificationService notifications;
    private final Clock clock;

    RectificationOverdue(RatingRepository ratings, NotificationService notifications, Clock clock) {
        this.ratings = ratings;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ratings.find(task.getExecution().getProcessBusinessKey()).ifPresent(rating -> {
            task.setPriority(Task.PRIORITY_MAXIMUM);
            String message = "差评整改「" + task.getName() + "」环节已超过期限，已提交评价管理部门督办";
            ratings.addEvent(rating.id(), OffsetDateTime.now(clock), "OVERDUE", "系统", message);
            notifications.toManagers(Notification.Kind.ESCALATION, "【督办】" + message + "。",
                    RectificationSteps.subject(rating));
        });
    }
}
