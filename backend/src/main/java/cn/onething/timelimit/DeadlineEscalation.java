package cn.onething.timelimit;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;

/**
 * The overdue timer of a timed task (超期督办): the task goes to the top of the inbox at the highest
 * priority, the department's leads and the assignee are told, and the case timeline records it.
 */
@Component("deadlineEscalation")
class DeadlineEscalation implements TaskListener {

    private final CaseFileService cases;
    private final NotificationService notifications;

    DeadlineEscalation(CaseFileService cases, NotificationService notifications) {
        this.cases = cases;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<TaskCase> escalated = cases.recordEscalation(task.getId());
        if (escalated.isEmpty() && task.getPriority() < Task.PRIORITY_MAXIMUM) {
            // a modelled step that is no item, e.g. of a site inspection
            escalated = DeadlineWarning.taskCase(cases, task);
            escalated.ifPresent(step -> cases.recordStepEscalation(step, task.getName()));
        }
        escalated.ifPresent(t -> {
            task.setPriority(Task.PRIORITY_MAXIMUM);
            String message = "【超期督办】办件 " + t.caseNumber() + " 的「" + task.getName() + "」已超过办理期限，已转"
                    + "部门负责人督办，请立即办理。";
            DeadlineWarning.notifyAll(notifications, task, t, Notification.Kind.ESCALATION, message);
        });
    }
}
