package cn.onething.task;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.ItemStatus;
import cn.onething.security.CurrentUser;
import cn.onething.security.OfficerDirectory;
import cn.onething.web.ConflictException;
import cn.onething.web.ForbiddenException;
import cn.onething.web.NotFoundException;

/** Who may do what with an item's task: its department's officers, and what each action needs of the task. */
@Component
class TaskAccess {

    private final TaskService tasks;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final HistoryService history;
    private final CountersignRepository countersigns;
    private final OfficerDirectory directory;

    TaskAccess(TaskService tasks, CaseFileService cases, BundleCatalog catalog, HistoryService history,
            CountersignRepository countersigns, OfficerDirectory directory) {
        this.directory = directory;
        this.countersigns = countersigns;
        this.history = history;
        this.tasks = tasks;
        this.cases = cases;
        this.catalog = catalog;
    }

    /** An item's task and its open engine task, which the officer's department works. */
    record Workable(TaskItem item, Task task) {

        boolean delegated() {
            return task.getDelegationState() == DelegationState.PENDING;
        }

        boolean assignedTo(CurrentUser user) {
            return user.username().equals(task.getAssignee());
        }

        /** Unclaimed, or claimed by this officer (and not handed to a colleague meanwhile). */
        boolean freeFor(CurrentUser user) {
            return !delegated() && (task.getAssignee() == null || assignedTo(user));
        }
    }

    TaskItem item(CurrentUser officer, String taskId) {
        TaskItem item = cases.taskItem(taskId).orElseThrow(() -> countersigns.signerByTask(taskId).isPresent()
                ? new ConflictException("这是加签 / 会签的签署任务，只能签署意见")
                : history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0
                        ? new ConflictException("这个任务已结束（可能已退回、撤回或重新办理），请刷新")
                        : new NotFoundException("没有这个任务：" + taskId));
        if (!officer.isOfficer() || !officer.worksIn(item.department())) {
            throw new ForbiddenException("该任务属于" + catalog.departmentName(item.department()) + "，您无权办理");
        }
        return item;
    }

    /** The task as it is now; a conflict when it was decided or went elsewhere meanwhile. */
    Workable open(CurrentUser officer, String taskId) {
        TaskItem item = item(officer, taskId);
        Task task = item.status() == ItemStatus.IN_PROGRESS ? tasks.createTaskQuery().taskId(taskId).singleResult()
                : null;
        if (task == null) {
            throw new ConflictException(item.itemName() + "的这个任务已办结或已退回（可能已由他人办理）");
        }
        return new Workable(item, task);
    }

    /** Refuses an action the task's state does not allow this officer now, saying why. */
    void requireFree(Workable work, CurrentUser officer) {
        if (work.delegated()) {
            throw new ConflictException(work.item().itemName() + "已委派给 "
                    + directory.nameOf(work.task().getAssignee()) + " 办理，待其办毕交回后再操作");
        }
        if (work.task().getAssignee() != null && !work.assignedTo(officer)) {
            throw new ConflictException(work.item().itemName() + "已由 " + directory.nameOf(work.task().getAssignee())
                    + " 认领，不能由您办理");
        }
    }
}
