package cn.onething.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.casefile.Decision;
import cn.onething.casefile.ItemStatus;
import cn.onething.inspection.InspectionService;
import cn.onething.inspection.InspectionViews.InspectionSummary;
import cn.onething.rating.RatingService;
import cn.onething.rating.RatingService.RectificationTask;
import cn.onething.security.CurrentUser;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.Light;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.ForbiddenException;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/** The department inbox, over Camunda's TaskService: an officer sees and works only their departments' tasks. */
@Service
public class InboxService {

    static final java.util.Set<String> SORTABLE = java.util.Set.of("urgency", "created", "name", "due");

    private final TaskService tasks;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final TransactionTemplate transaction;
    // Two branches reaching a parallel join at once: the engine refuses one; doing it again succeeds.
    private final RetryTemplate joinRetry = RetryTemplate.builder().maxAttempts(5).exponentialBackoff(20, 2, 500)
            .retryOn(OptimisticLockingException.class).build();

    private final Deadlines deadlines;
    private final Clock clock;
    private final RatingService ratings;
    private final InspectionService inspections;

    InboxService(TaskService tasks, CaseFileService cases, BundleCatalog catalog, PlatformTransactionManager transactions,
            Deadlines deadlines, Clock clock, RatingService ratings, InspectionService inspections) {
        this.tasks = tasks;
        this.inspections = inspections;
        this.ratings = ratings;
        this.deadlines = deadlines;
        this.clock = clock;
        this.cases = cases;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
    }

    public record TaskDetail(TaskView task, CaseDetail caseFile) {
    }

    /** The inbox, optionally only tasks of one light; by default the most urgent first. */
    public PageResult<TaskView> inbox(CurrentUser officer, PageQuery page, Light light) {
        if (officer.taskGroups().isEmpty()) {
            return new PageResult<>(List.of(), 0);
        }
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(officer.taskGroups()).includeAssignedTasks();
        Date now = Date.from(clock.instant());
        if (light != null) {
            query = switch (light) {
                case RED -> query.dueBefore(now);
                case YELLOW -> query.dueAfter(now).followUpBefore(now);
                case GREEN -> query.followUpAfter(now);
                case PAUSED -> throw new InvalidRequestException(new FieldError("light", "oneOf",
                        "待办任务没有「已暂停」状态，可选 RED、YELLOW、GREEN", "light must be RED, YELLOW or GREEN"));
            };
        }
        query = switch (page.sort()) {
            case "name" -> order(query.orderByTaskName(), page);
            case "due" -> order(query.orderByDueDate(), page);
            case "created" -> order(query.orderByTaskCreateTime(), page);
            // Escalated first, then the nearest deadline, then the oldest.
            default -> order(order(order(query.orderByTaskPriority(), !page.ascending()).orderByDueDate(),
                    page.ascending()).orderByTaskCreateTime(), page.ascending());
        };
        long total = query.count();
        List<Task> found = query.listPage(page.offset(), page.size());
        Map<String, TaskCase> byTask = cases.taskCases(found.stream().map(Task::getId).toList()).stream()
                .collect(Collectors.toMap(TaskCase::taskId, Function.identity()));
        // The rest are steps of a bad rating's rectification, opened on the rating's page.
        Map<String, RectificationTask> rectifications = ratings.rectificationTasks(
                found.stream().filter(t -> !byTask.containsKey(t.getId())).toList());
        // Or steps of a site inspection, opened on the inspection's page.
        Map<String, InspectionSummary> inspectionSteps = inspections.inspectionTasks(officer, found.stream()
                .filter(t -> !byTask.containsKey(t.getId()) && !rectifications.containsKey(t.getId())).toList());
        return new PageResult<>(found.stream().map(t -> {
            RectificationTask r = rectifications.get(t.getId());
            InspectionSummary i = inspectionSteps.get(t.getId());
            if (i != null) {
                String department = inspectionDepartment(t, officer);
                return view(t, new TaskCase(t.getId(), i.caseId(), i.caseNumber(), i.bundleCode(), i.bundleName(),
                        i.code(), department, i.enterprise()), null, i.id());
            }
            return r == null ? view(t, byTask.get(t.getId())) : view(t, r.taskCase(), r.ratingId(), null);
        }).toList(), total);
    }

    public TaskDetail detail(CurrentUser officer, String taskId) {
        TaskItem item = authorized(officer, taskId);
        Task task = openTask(taskId, item);
        TaskCase taskCase = cases.taskCases(List.of(taskId)).get(0);
        return new TaskDetail(view(task, taskCase), cases.detail(officer, item.caseId()));
    }

    public TaskView claim(CurrentUser officer, String taskId) {
        return transaction.execute(status -> {
            TaskItem item = authorized(officer, taskId);
            Task task = openTask(taskId, item);
            if (!officer.username().equals(task.getAssignee())) {
                try {
                    tasks.claim(taskId, officer.username());
                } catch (TaskAlreadyClaimedException e) {
                    throw new ConflictException(item.itemName() + "已由 " + e.getTaskAssignee() + " 认领");
                }
                cases.recordClaim(item, officer);
            }
            return view(tasks.createTaskQuery().taskId(taskId).singleResult(),
                    cases.taskCases(List.of(taskId)).get(0));
        });
    }

    /** Decides the task's item; the first of two officers wins, the other gets a conflict. */
    public void complete(CurrentUser officer, String taskId, Decision decision, String comment, List<String> missing) {
        joinRetry.execute(attempt -> transaction.execute(status -> {
            TaskItem item = authorized(officer, taskId);
            Task task = openTask(taskId, item);
            if (task.getAssignee() != null && !task.getAssignee().equals(officer.username())) {
                throw new ConflictException(item.itemName() + "已由 " + task.getAssignee() + " 认领，不能由您办理");
            }
            cases.recordDecision(item, task, officer, decision, comment, missing);
            tasks.complete(taskId, Map.of(Decision.variableFor(item.itemCode()), decision.value()));
            return null;
        }));
    }

    private static TaskQuery order(TaskQuery query, PageQuery page) {
        return order(query, page.ascending());
    }

    private static TaskQuery order(TaskQuery query, boolean ascending) {
        return ascending ? query.asc() : query.desc();
    }

    private TaskItem authorized(CurrentUser officer, String taskId) {
        TaskItem item = cases.taskItem(taskId).orElseThrow(() -> new NotFoundException("没有这个任务：" + taskId));
        if (!officer.isOfficer() || !officer.worksIn(item.department())) {
            throw new ForbiddenException("该任务属于" + catalog.departmentName(item.department()) + "，您无权办理");
        }
        return item;
    }

    private Task openTask(String taskId, TaskItem item) {
        Task task = item.status() == ItemStatus.IN_PROGRESS
                ? tasks.createTaskQuery().taskId(taskId).singleResult()
                : null;
        if (task == null) {
            throw new ConflictException(item.itemName() + "的这个任务已办结（可能已由他人办理）");
        }
        return task;
    }

    /** The officer's department among the task's candidate groups (each inspection step is one department's). */
    private String inspectionDepartment(Task task, CurrentUser officer) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
                .filter(g -> g != null && officer.worksIn(g)).findFirst().orElse(null);
    }

    private TaskView view(Task t, TaskCase c) {
        return view(t, c, null, null);
    }

    private TaskView view(Task t, TaskCase c, String ratingId, String inspectionId) {
        LocalDate dueDate = t.getDueDate() == null ? null
                : t.getDueDate().toInstant().atZone(ClockConfig.BEIJING).toLocalDate();
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), c == null ? null : c.caseId(),
                c == null ? null : c.caseNumber(), c == null ? null : c.bundleCode(),
                c == null ? null : c.bundleName(), c == null ? null : c.department(),
                c == null ? null : catalog.departmentName(c.department()), c == null ? null : c.applicantName(),
                t.getCreateTime(), t.getDueDate(), t.getAssignee(), dueDate, dueDate != null
                        && deadlines.provisional(dueDate),
                deadlines.light(t.getDueDate(), t.getFollowUpDate()),
                dueDate == null ? null : deadlines.remaining(dueDate), t.getPriority() >= Task.PRIORITY_MAXIMUM,
                ratingId, inspectionId);
    }
}
