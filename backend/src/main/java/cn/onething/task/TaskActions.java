package cn.onething.task;

import static cn.onething.task.RequestText.optional;
import static cn.onething.task.RequestText.reason;
import static cn.onething.task.RequestText.require;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.ItemSettings;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.Decision;
import cn.onething.casefile.ItemStatus;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.search.SearchDocType;
import cn.onething.search.SearchOutbox;
import cn.onething.security.CurrentUser;
import cn.onething.security.OfficerDirectory;
import cn.onething.timelimit.Deadlines;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/**
 * What an officer does with an item's task: claim, hand on (分配, 转办, 委派), send back (退回), take back (撤回),
 * copy (抄送) and decide. Each is authorized, recorded on the case's timeline with who and why, and refused with a
 * conflict when the task moved on meanwhile.
 */
@Service
public class TaskActions {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskAccess access;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final OfficerDirectory directory;
    private final StepRewind rewind;
    private final TaskCopies copies;
    private final NotificationService notifications;
    private final SearchOutbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final StepCompletion completion;
    private final Countersigns countersigns;

    TaskActions(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
            TaskAccess access, CaseFileService cases, BundleCatalog catalog, OfficerDirectory directory,
            StepRewind rewind, TaskCopies copies, NotificationService notifications, SearchOutbox outbox, Clock clock,
            PlatformTransactionManager transactions, StepCompletion completion, Countersigns countersigns) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.access = access;
        this.cases = cases;
        this.catalog = catalog;
        this.directory = directory;
        this.rewind = rewind;
        this.copies = copies;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.completion = completion;
        this.countersigns = countersigns;
    }

    /** What the officer may do with the task now, given its newest countersign (if any). */
    List<String> allowed(CurrentUser officer, TaskAccess.Workable work, Optional<Countersign> newest) {
        Task task = work.task();
        boolean free = work.freeFor(officer);
        // while officers sign the task it stays with the one who asked them
        Optional<Countersign> signing = newest.filter(c -> c.status() == Countersign.Status.OPEN);
        boolean handOn = signing.isEmpty() && !work.delegated();
        List<String> allowed = new ArrayList<>();
        if (task.getAssignee() == null) {
            allowed.add("claim");
        }
        if (task.getAssignee() != null && handOn && (work.assignedTo(officer) || officer.isLead())) {
            allowed.add("unclaim");
        }
        if (officer.isLead() && handOn) {
            allowed.add("assign");
        }
        if (handOn && (free || officer.isLead())) {
            allowed.add("transfer");
        }
        if (free && handOn) {
            allowed.add("delegate");
        }
        if (work.delegated() && work.assignedTo(officer)) {
            allowed.add("resolve");
        }
        if (free && !rewind.stepsBefore(task.getProcessDefinitionId(), task.getProcessInstanceId(),
                task.getTaskDefinitionKey()).isEmpty()) {
            allowed.add("return");
        }
        allowed.add("cc");
        if (free && signing.isEmpty()) {
            allowed.add("countersign");
        }
        if (signing.isPresent() && (officer.username().equals(signing.get().requestedBy()) || officer.isLead())) {
            allowed.add("removeSigner");
        }
        if (free && signing.map(c -> c.mode() == Countersign.Mode.AFTER && c.pendingDecision() == null)
                .orElse(true)) {
            allowed.add("complete");
        }
        return allowed;
    }

    void claim(CurrentUser officer, String taskId) {
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            if (work.assignedTo(officer)) {
                return;
            }
            try {
                tasks.claim(taskId, officer.username());
            } catch (TaskAlreadyClaimedException e) {
                throw new ConflictException(work.item().itemName() + "已由 " + directory.nameOf(e.getTaskAssignee())
                        + " 认领");
            }
            cases.recordClaim(work.item(), officer);
        });
    }

    /** 放弃认领: back to the department's unclaimed work; the claimer, or a lead for anyone. */
    void unclaim(CurrentUser officer, String taskId) {
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            if (work.task().getAssignee() == null) {
                throw new ConflictException(work.item().itemName() + "尚无人认领");
            }
            countersigns.requireNoneOpen(work);
            if (work.delegated()) {
                access.requireFree(work, officer);
            }
            if (!work.assignedTo(officer) && !officer.isLead()) {
                throw new ForbiddenException("只有认领人或部门负责人可以放弃认领");
            }
            tasks.setAssignee(taskId, null);
            event(work.item(), "TASK_UNCLAIMED", officer, officer.name() + " 放弃认领，退回部门待认领");
        });
    }

    /** 分配: a lead gives the task to an officer of its department. */
    void assign(CurrentUser lead, String taskId, String assignee) {
        if (!lead.isLead()) {
            throw new ForbiddenException("只有部门负责人可以分配任务");
        }
        require(assignee, "assignee", "请选择分配给哪位同事");
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(lead, taskId);
            if (work.delegated()) {
                access.requireFree(work, lead);
            }
            countersigns.requireNoneOpen(work);
            OfficerDirectory.Officer to = colleague(work.item().department(), assignee, "assignee");
            tasks.setAssignee(taskId, to.username());
            event(work.item(), "TASK_ASSIGNED", lead, lead.name() + " 分配给 " + to.name() + " 办理");
            notify(to.username(), work, lead.name() + " 将「" + work.item().itemName() + "」分配给您办理");
        });
    }

    record Transfer(String department, String assignee, String reason) {
    }

    /** 转办: to another department (unclaimed there) and/or a named officer, with a reason. */
    void transfer(CurrentUser officer, String taskId, Transfer request) {
        String reason = reason(request.reason(), "reason", "转办须说明理由");
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            if (!officer.isLead() || work.delegated()) {
                access.requireFree(work, officer);
            }
            countersigns.requireNoneOpen(work);
            TaskItem item = work.item();
            String department = request.department() == null || request.department().isBlank() ? item.department()
                    : request.department().strip();
            if (catalog.departments().stream().noneMatch(d -> d.code().equals(department))) {
                throw new InvalidRequestException(new FieldError("department", "oneOf", "没有这个部门：" + department,
                        "unknown department"));
            }
            boolean moves = !department.equals(item.department());
            OfficerDirectory.Officer to = request.assignee() == null || request.assignee().isBlank() ? null
                    : colleague(department, request.assignee().strip(), "assignee");
            if (!moves && to == null) {
                throw new InvalidRequestException(new FieldError("assignee", "required",
                        "请选择转办的部门或人员", "transfer needs another department or an officer"));
            }
            if (to != null && to.username().equals(officer.username())) {
                throw new InvalidRequestException(new FieldError("assignee", "notSelf", "不能转办给自己",
                        "cannot transfer to oneself"));
            }
            String target = catalog.departmentName(department) + (to == null ? "" : " " + to.name());
            String message = officer.name() + " 转办至 " + target + "。理由：" + reason;
            if (moves) {
                for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        tasks.deleteCandidateGroup(taskId, link.getGroupId());
                    }
                }
                tasks.addCandidateGroup(taskId, department);
                cases.moveItem(item, department, officer.name(), item.itemName() + "：" + message);
            } else {
                event(item, "TASK_TRANSFERRED", officer, message);
            }
            tasks.setAssignee(taskId, to == null ? null : to.username());
            // the engine tells no listener of a changed candidate group
            outbox.changed(SearchDocType.TASK, taskId);
            if (to != null) {
                notify(to.username(), work, officer.name() + " 将「" + item.itemName() + "」转办给您。理由：" + reason);
            } else {
                notifications.toLeads(department, Notification.Kind.TASK, officer.name() + " 将「" + item.itemName()
                        + "」转办至" + catalog.departmentName(department) + "。理由：" + reason, subject(work));
            }
        });
    }

    /** 委派: a colleague works it and gives it back to the delegator to confirm. */
    void delegate(CurrentUser officer, String taskId, String assignee, String note) {
        require(assignee, "assignee", "请选择委派给哪位同事");
        String said = optional(note, "note", 500);
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            access.requireFree(work, officer);
            countersigns.requireNoneOpen(work);
            OfficerDirectory.Officer to = colleague(work.item().department(), assignee, "assignee");
            if (to.username().equals(officer.username())) {
                throw new InvalidRequestException(new FieldError("assignee", "notSelf", "不能委派给自己",
                        "cannot delegate to oneself"));
            }
            if (work.task().getAssignee() == null) {
                tasks.claim(taskId, officer.username());
            }
            tasks.delegateTask(taskId, to.username());
            event(work.item(), "TASK_DELEGATED", officer, officer.name() + " 委派 " + to.name() + " 办理"
                    + (said == null ? "" : "。说明：" + said));
            notify(to.username(), work, officer.name() + " 委派您办理「" + work.item().itemName() + "」"
                    + (said == null ? "" : "：" + said));
        });
    }

    /** The colleague gives a delegated task back with their opinion; the delegator then decides it. */
    void resolve(CurrentUser officer, String taskId, String comment) {
        String opinion = reason(comment, "comment", "请填写办理意见");
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            if (!work.delegated() || !work.assignedTo(officer)) {
                throw new ConflictException(work.item().itemName() + "没有委派给您，或已交回");
            }
            String owner = work.task().getOwner();
            tasks.resolveTask(taskId);
            event(work.item(), "TASK_RESOLVED", officer, officer.name() + " 办毕交回。意见：" + opinion);
            notify(owner, work, officer.name() + " 已办毕交回「" + work.item().itemName() + "」，请确认。意见：" + opinion);
        });
    }

    /** Decides the task's item; the first of two officers wins, the other gets a conflict. */
    public void complete(CurrentUser officer, String taskId, Decision decision, String comment, List<String> missing) {
        completion.moving(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            access.requireFree(work, officer);
            if (!countersigns.holdsDecision(work, officer, decision, comment, missing)) {
                completion.decide(work.item(), work.task(), officer.username(), officer.name(), decision, comment,
                        missing);
            }
            return null;
        });
    }

    /** Whether the model lets officers approve this step for many cases at once. */
    boolean bulkApprove(Task task) {
        return ItemSettings.bulkApprove((BaseElement) repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey()));
    }

    /** 批量通过: approves like one officer would, where the model allows it for the step. */
    void approveInBulk(CurrentUser officer, String taskId, String comment) {
        TaskAccess.Workable work = access.open(officer, taskId);
        if (!bulkApprove(work.task())) {
            throw new ConflictException("「" + work.item().itemName() + "」须逐件审核，不允许批量通过");
        }
        complete(officer, taskId, Decision.APPROVE, comment, List.of());
    }

    List<StepRewind.Step> returnTargets(CurrentUser officer, String taskId) {
        Task task = access.open(officer, taskId).task();
        return rewind.stepsBefore(task.getProcessDefinitionId(), task.getProcessInstanceId(),
                task.getTaskDefinitionKey());
    }

    /**
     * 退回: the case goes back to a step it passed through; that step is worked again with the working days it
     * has left, and what followed from it is cancelled and worked again after it.
     */
    void sendBack(CurrentUser officer, String taskId, String activityId, String reason) {
        require(activityId, "activityId", "请选择退回到哪个环节");
        String why = reason(reason, "reason", "退回须说明理由");
        completion.moving(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            access.requireFree(work, officer);
            Task task = work.task();
            StepRewind.Step step = rewind.stepsBefore(task.getProcessDefinitionId(), task.getProcessInstanceId(),
                    task.getTaskDefinitionKey()).stream().filter(s -> s.activityId().equals(activityId)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException(new FieldError("activityId", "oneOf",
                            "本办件不能从「" + work.item().itemName() + "」退回到该环节", "not a step before this one")));
            goBack(work.item(), task, step.activityId(), OffsetDateTime.ofInstant(step.completedAt().toInstant(),
                    clock.getZone()));
            event(work.item(), "TASK_RETURNED", officer, officer.name() + " 退回至「" + step.name() + "」重新办理。理由："
                    + why);
            if (step.completedBy() != null) {
                notifications.toUser(step.completedBy(), Notification.Kind.TASK, officer.name() + " 将办件退回至「"
                        + step.name() + "」，请重新办理。理由：" + why,
                        new NotificationService.Subject(work.item().caseId(), step.activityId(), null));
            }
            return null;
        });
    }

    /** 撤回: the officer who completed a step takes it back while the work after it is not yet claimed. */
    String withdraw(CurrentUser officer, String historicTaskId, String reason) {
        String why = optional(reason, "reason", 500);
        return completion.moving(status -> {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(historicTaskId).singleResult();
            TaskItem item = access.item(officer, historicTaskId);
            if (done == null || !"completed".equals(done.getDeleteReason())) {
                throw new ConflictException(item.itemName() + "的这个任务尚未办结，无需撤回");
            }
            if (!officer.username().equals(done.getAssignee())) {
                throw new ForbiddenException("只有办结该环节的人可以撤回");
            }
            if (!item.status().isDone() || runtime.createProcessInstanceQuery()
                    .processInstanceId(done.getProcessInstanceId()).singleResult() == null) {
                throw new ConflictException(item.itemName() + "已无法撤回：办件已办结或该环节已再次办理");
            }
            List<ActivityInstance> after = rewind.followingWork(done.getProcessDefinitionId(),
                    done.getProcessInstanceId(), done.getTaskDefinitionKey());
            for (Task next : tasks.createTaskQuery().processInstanceId(done.getProcessInstanceId()).list()) {
                boolean following = after.stream().anyMatch(a -> a.getActivityId().equals(next.getTaskDefinitionKey()));
                if (following && next.getAssignee() != null) {
                    throw new ConflictException("下一环节「" + next.getName() + "」已由 "
                            + directory.nameOf(next.getAssignee()) + " 认领，不能撤回");
                }
            }
            goBack(item, done, after, OffsetDateTime.ofInstant(done.getEndTime().toInstant(), clock.getZone()));
            Task reopened = tasks.createTaskQuery().processInstanceId(done.getProcessInstanceId())
                    .taskDefinitionKey(done.getTaskDefinitionKey()).singleResult();
            tasks.setAssignee(reopened.getId(), officer.username());
            event(item, "TASK_WITHDRAWN", officer, officer.name() + " 撤回已办结的「" + item.itemName() + "」重新办理"
                    + (why == null ? "" : "。说明：" + why));
            return reopened.getId();
        });
    }

    /** 抄送: other officers are told and may read the case. */
    void copy(CurrentUser officer, String taskId, List<String> recipients, String note) {
        List<String> to = recipients == null ? List.of()
                : recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
        if (to.isEmpty() || to.size() > 20) {
            throw new InvalidRequestException(new FieldError("recipients", "size", "请选择 1 到 20 位抄送对象",
                    "1 to 20 recipients"));
        }
        String said = optional(note, "note", 500);
        transaction.executeWithoutResult(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            List<OfficerDirectory.Officer> officers = new ArrayList<>();
            for (String username : to) {
                officers.add(directory.officer(username).filter(o -> !o.username().equals(officer.username()))
                        .orElseThrow(() -> new InvalidRequestException(new FieldError("recipients", "officer",
                                "「" + username + "」不是可抄送的工作人员", username + " is no officer"))));
            }
            copies.send(taskId, work.item().caseId(), work.item().itemCode(), work.task().getName(), to, officer.name(),
                    OffsetDateTime.now(clock), said);
            event(work.item(), "TASK_CC", officer, officer.name() + " 抄送 "
                    + officers.stream().map(OfficerDirectory.Officer::name).collect(Collectors.joining("、"))
                    + (said == null ? "" : "。说明：" + said));
            officers.forEach(o -> notify(o.username(), work, officer.name() + " 抄送给您「" + work.item().itemName()
                    + "」" + (said == null ? "" : "：" + said)));
        });
    }

    void readCopy(CurrentUser officer, long copyId) {
        if (!copies.read(officer.username(), copyId, OffsetDateTime.now(clock))) {
            throw new NotFoundException("没有这条抄送：" + copyId);
        }
    }

    private void goBack(TaskItem item, Task current, String activityId, OffsetDateTime since) {
        List<ActivityInstance> after = rewind.followingWork(current.getProcessDefinitionId(),
                current.getProcessInstanceId(), activityId);
        rewindTo(item, current.getProcessDefinitionId(), current.getProcessInstanceId(), activityId, after, since);
    }

    private void goBack(TaskItem item, HistoricTaskInstance done, List<ActivityInstance> after,
            OffsetDateTime since) {
        rewindTo(item, done.getProcessDefinitionId(), done.getProcessInstanceId(), done.getTaskDefinitionKey(), after,
                since);
    }

    private void rewindTo(TaskItem item, String definitionId, String processInstanceId, String activityId,
            List<ActivityInstance> after, OffsetDateTime since) {
        Bundle bundle = catalog.bundle(item.bundleCode()).orElseThrow();
        Set<String> again = new LinkedHashSet<>(rewind.following(repository.getBpmnModelInstance(definitionId),
                activityId));
        again.add(activityId);
        again.retainAll(bundle.items().stream().map(Bundle.Item::code).toList());
        Map<String, Object> used = new HashMap<>();
        cases.rewindItems(item.caseId(), activityId, again, since)
                .forEach((code, days) -> used.put(Deadlines.elapsedVariable(code), days));
        rewind.rewind(processInstanceId, activityId, after, used);
    }

    private OfficerDirectory.Officer colleague(String department, String username, String field) {
        return directory.members(department).stream().filter(o -> o.username().equals(username)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(new FieldError(field, "department",
                        "「" + username + "」不是" + catalog.departmentName(department) + "的工作人员",
                        username + " is no officer of " + department)));
    }

    private void event(TaskItem item, String type, CurrentUser officer, String message) {
        cases.addTimelineEntry(item.caseId(), type, item.itemCode(), officer.name(), item.itemName() + "：" + message);
    }

    private void notify(String username, TaskAccess.Workable work, String message) {
        if (username != null) {
            notifications.toUser(username, Notification.Kind.TASK, message, subject(work));
        }
    }

    private static NotificationService.Subject subject(TaskAccess.Workable work) {
        return new NotificationService.Subject(work.item().caseId(), work.item().itemCode(), work.task().getId());
    }
}
