package cn.onething.timelimit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import cn.onething.ClockConfig;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;

/** The warning timer of a timed task (预警): tells the assignee and the department's leads. */
@Component("deadlineWarning")
class DeadlineWarning implements TaskListener {

    private final CaseFileService cases;
    private final NotificationService notifications;
    private final Deadlines deadlines;

    DeadlineWarning(CaseFileService cases, NotificationService notifications, Deadlines deadlines) {
        this.cases = cases;
        this.notifications = notifications;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        for (TaskCase t : taskCase(cases, task).stream().toList()) {
            LocalDate due = task.getDueDate().toInstant().atZone(ClockConfig.BEIJING).toLocalDate();
            int left = deadlines.remaining(due);
            String message = "【预警】办件 " + t.caseNumber() + " 的「" + task.getName() + "」将于 " + due + " 到期"
                    + (left == 0 ? "（今日到期）" : "（剩余 " + left + " 个工作日）") + "，请及时办理。";
            notifyAll(notifications, task, t, Notification.Kind.WARNING, message);
        }
    }

    /**
     * The case behind a timed task: an item's, or for another modelled step (a site inspection's) the case its
     * process runs for, with the department the task is for.
     */
    static Optional<TaskCase> taskCase(CaseFileService cases, DelegateTask task) {
        return cases.taskCases(List.of(task.getId())).stream().findFirst().or(() -> task.getCandidates().stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst()
                .flatMap(department -> cases.stepCase(task.getExecution().getProcessBusinessKey(),
                        task.getTaskDefinitionKey(), department)));
    }

    /** The assignee, if the task has one, and the leads of its department. */
    static void notifyAll(NotificationService notifications, DelegateTask task, TaskCase t, Notification.Kind kind,
            String message) {
        // An item's task opens from the notification; another step (no task id: a site inspection's) from its case.
        NotificationService.Subject about = new NotificationService.Subject(t.caseId(), t.itemCode(), t.taskId());
        if (task.getAssignee() != null) {
            notifications.toUser(task.getAssignee(), kind, message, about);
        }
        notifications.toLeads(t.department(), kind, message, about);
    }
}
