package cn.onething.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.onething.ClockConfig;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.inspection.InspectionService;
import cn.onething.inspection.InspectionViews.InspectionSummary;
import cn.onething.rating.RatingService;
import cn.onething.rating.RatingService.RectificationTask;
import cn.onething.security.CurrentUser;
import cn.onething.security.OfficerDirectory;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.Light;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/** The department inbox, over Camunda's TaskService: an officer sees and works only their departments' tasks. */
@Service
public class InboxService {

    static final Set<String> SORTABLE = Set.of("urgency", "created", "name", "due");
    /** Counts of open tasks stop one past this (1000+): nobody pages through more, they filter. */
    public static final int COUNT_CAP = 1000;
    /** How many of an applicant's open cases the applicant filter looks at. */
    private static final int APPLICANT_CASES = 1000;

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final TaskAccess access;
    private final TaskActions actions;
    private final TaskCopies copies;
    private final OfficerDirectory directory;
    private final Deadlines deadlines;
    private final Clock clock;
    private final RatingService ratings;
    private final InspectionService inspections;
    private final Countersigns countersigns;

    InboxService(TaskService tasks, HistoryService history, RuntimeService runtime, CaseFileService cases,
            BundleCatalog catalog, TaskAccess access, TaskActions actions, TaskCopies copies,
            OfficerDirectory directory, Deadlines deadlines, Clock clock, RatingService ratings,
            InspectionService inspections, Countersigns countersigns) {
        this.countersigns = countersigns;
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.cases = cases;
        this.catalog = catalog;
        this.access = access;
        this.actions = actions;
        this.copies = copies;
        this.directory = directory;
        this.deadlines = deadlines;
        this.clock = clock;
        this.ratings = ratings;
        this.inspections = inspections;
    }

    /** The task, its case, what the officer may do with it now and its countersigns (加签 / 会签), newest first. */
    public record TaskDetail(TaskView task, CaseDetail caseFile, List<String> actions,
            List<Countersign> countersigns) {
    }

    public record Counts(long mine, long unclaimed, Long department, long cc, long done) {
    }

    /** One tab of the inbox, narrowed by the filter; by default the most urgent first. */
    public PageResult<TaskView> inbox(CurrentUser officer, InboxView view, InboxFilter filter, PageQuery page) {
        return switch (view) {
            case cc -> copiesTo(officer, page);
            case done -> done(officer, filter, page);
            default -> open(officer, view, filter, page);
        };
    }

    public Counts counts(CurrentUser officer, InboxFilter filter) {
        return new Counts(count(officer, InboxView.mine, filter), count(officer, InboxView.unclaimed, filter),
                officer.isLead() ? count(officer, InboxView.department, filter) : null,
                copies.count(officer.username()), doneQuery(officer, filter).map(HistoricTaskInstanceQuery::count)
                        .orElse(0L));
    }

    long count(CurrentUser officer, InboxView view, InboxFilter filter) {
        return switch (view) {
            case cc -> copies.count(officer.username());
            case done -> doneQuery(officer, filter).map(HistoricTaskInstanceQuery::count).orElse(0L);
            default -> openQuery(officer, view, filter).map(q -> q.count(tasks)).orElse(0L);
        };
    }

    public TaskDetail detail(CurrentUser officer, String taskId) {
        Optional<CountersignRepository.Row> signing = Optional.ofNullable(
                countersigns.ofSignTasks(List.of(taskId)).get(taskId));
        if (signing.isPresent()) {
            return signDetail(officer, taskId, signing.get());
        }
        TaskAccess.Workable work = access.open(officer, taskId);
        TaskCase taskCase = cases.taskCases(List.of(taskId)).get(0);
        List<Countersign> signs = countersigns.of(taskId);
        return new TaskDetail(view(work.task(), taskCase, null, null, names(List.of(work.task())),
                signs.isEmpty() ? null : signs.get(0).status(), null), cases.detail(officer, work.item().caseId()),
                actions.allowed(officer, work, signs.stream().findFirst()), signs);
    }

    /** A signer's own task: the item's case to read, and the countersign to sign. */
    private TaskDetail signDetail(CurrentUser officer, String taskId, CountersignRepository.Row countersign) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new ConflictException("您已签署，或该签署任务已取消");
        }
        if (!officer.username().equals(task.getAssignee())) {
            throw new ForbiddenException("这是他人的签署任务，您无权查看");
        }
        TaskCase host = cases.taskCases(List.of(countersign.hostTaskId())).stream().findFirst().orElseThrow(
                () -> new ConflictException("签署任务所属的任务已结束"));
        return new TaskDetail(view(task, signCase(taskId, host), null, null, names(List.of(task)), null,
                Countersigns.signTask(countersign)), cases.detail(officer, host.caseId()), List.of("sign"),
                countersigns.of(countersign.hostTaskId()));
    }

    /** The task's row as it is now (after an action). */
    TaskView row(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return view(task, cases.taskCases(List.of(taskId)).get(0), null, null, names(List.of(task)),
                countersigns.statuses(List.of(taskId)).get(taskId), null);
    }

    private PageResult<TaskView> open(CurrentUser officer, InboxView view, InboxFilter filter, PageQuery page) {
        InboxQuery query = openQuery(officer, view, filter).orElse(null);
        if (query == null) {
            return new PageResult<>(List.of(), 0);
        }
        String direction = page.ascending() ? "asc" : "desc";
        String order = switch (page.sort()) {
            case "name" -> "RES.NAME_ " + direction;
            case "due" -> "RES.DUE_DATE_ " + direction;
            case "created" -> "RES.CREATE_TIME_ " + direction;
            // Escalated first, then the nearest deadline, then the oldest: the order of the urgency index.
            default -> page.ascending() ? "RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc"
                    : "RES.PRIORITY_ asc, RES.DUE_DATE_ desc, RES.CREATE_TIME_ desc";
        };
        long total = query.count(tasks);
        List<Task> found = query.page(tasks, order, page.offset(), page.size(), total);
        Map<String, TaskCase> byTask = cases.taskCases(found.stream().map(Task::getId).toList()).stream()
                .collect(Collectors.toMap(TaskCase::taskId, Function.identity()));
        Map<String, Countersign.Status> countersigned = countersigns.statuses(byTask.keySet());
        // Others are signers' own tasks (加签 / 会签), of an item's task
        SignTasks signs = signTasks(found.stream().map(Task::getId).filter(id -> !byTask.containsKey(id)).toList());
        // or steps of a bad rating's rectification, opened on the rating's page
        Map<String, RectificationTask> rectifications = ratings.rectificationTasks(found.stream()
                .filter(t -> !byTask.containsKey(t.getId()) && !signs.countersigns().containsKey(t.getId())).toList());
        // Or steps of a site inspection, opened on the inspection's page.
        Map<String, InspectionSummary> inspectionSteps = inspections.inspectionTasks(officer, found.stream()
                .filter(t -> !byTask.containsKey(t.getId()) && !signs.countersigns().containsKey(t.getId())
                        && !rectifications.containsKey(t.getId())).toList());
        Map<String, String> names = names(found);
        return new PageResult<>(found.stream().map(t -> {
            RectificationTask r = rectifications.get(t.getId());
            InspectionSummary i = inspectionSteps.get(t.getId());
            CountersignRepository.Row sign = signs.countersigns().get(t.getId());
            if (sign != null) {
                return view(t, signs.caseOf(t.getId()), null, null, names, null, Countersigns.signTask(sign));
            }
            if (i != null) {
                return view(t, new TaskCase(t.getId(), i.caseId(), i.caseNumber(), i.bundleCode(), i.bundleName(),
                        i.code(), inspectionDepartment(t, officer), i.enterprise()), null, i.id(), names, null, null);
            }
            return r == null ? view(t, byTask.get(t.getId()), null, null, names, countersigned.get(t.getId()), null)
                    : view(t, r.taskCase(), r.ratingId(), null, names, null, null);
        }).toList(), total);
    }

    /** The open tasks of a tab; empty when the filter can match nothing. */
    private Optional<InboxQuery> openQuery(CurrentUser officer, InboxView view, InboxFilter filter) {
        if (officer.taskGroups().isEmpty() && view != InboxView.mine) {
            return Optional.empty();
        }
        InboxQuery query = new InboxQuery();
        String me = InboxQuery.literal(officer.username());
        switch (view) {
            case open -> query.branch("RES.ASSIGNEE_ = " + me)
                    .candidates("RES.ASSIGNEE_ is null", officer.taskGroups());
            case mine -> query.branch("RES.ASSIGNEE_ = " + me + " or RES.OWNER_ = " + me);
            case unclaimed -> query.candidates("RES.ASSIGNEE_ is null", officer.taskGroups());
            case department -> {
                if (!officer.isLead()) {
                    throw new ForbiddenException("只有部门负责人可以查看本部门全部待办");
                }
                query.candidates(null, officer.taskGroups());
            }
            default -> throw new IllegalArgumentException(view.name());
        }
        checkRanges(filter);
        if (filter.bundle() != null && !filter.bundle().isBlank()) {
            query.and("RES.PROC_DEF_ID_ in (select D.ID_ from ACT_RE_PROCDEF D where D.KEY_ = "
                    + query.value(processOf(filter)) + ")");
        }
        if (filter.item() != null && !filter.item().isBlank()) {
            query.and("RES.TASK_DEF_KEY_ = " + query.value(filter.item()));
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            query.and(switch (filter.status()) {
                case "UNCLAIMED" -> "RES.ASSIGNEE_ is null";
                case "CLAIMED" -> "RES.ASSIGNEE_ is not null";
                case "DELEGATED" -> "RES.DELEGATION_ = 'PENDING'";
                default -> throw new InvalidRequestException(new FieldError("status", "oneOf",
                        "状态只能是 UNCLAIMED（待认领）、CLAIMED（已认领）或 DELEGATED（委派中）",
                        "status must be UNCLAIMED, CLAIMED or DELEGATED"));
            });
        }
        Date now = Date.from(clock.instant());
        if (filter.light() != null) {
            query.and(switch (filter.light()) {
                case RED -> "RES.DUE_DATE_ < " + query.value(now);
                case YELLOW -> "RES.DUE_DATE_ > " + query.value(now) + " and RES.FOLLOW_UP_DATE_ < "
                        + query.value(now);
                case GREEN -> "RES.FOLLOW_UP_DATE_ > " + query.value(now);
                case PAUSED -> throw new InvalidRequestException(new FieldError("light", "oneOf",
                        "待办任务没有「已暂停」状态，可选 RED、YELLOW、GREEN", "light must be RED, YELLOW or GREEN"));
            });
        }
        if (filter.dueFrom() != null) {
            query.and("RES.DUE_DATE_ > " + query.value(justBefore(filter.dueFrom())));
        }
        if (filter.dueTo() != null) {
            query.and("RES.DUE_DATE_ < " + query.value(startOf(filter.dueTo().plusDays(1))));
        }
        if (filter.receivedFrom() != null) {
            query.and("RES.CREATE_TIME_ > " + query.value(justBefore(filter.receivedFrom())));
        }
        if (filter.receivedTo() != null) {
            query.and("RES.CREATE_TIME_ < " + query.value(startOf(filter.receivedTo().plusDays(1))));
        }
        if (filter.applicant() != null && !filter.applicant().isBlank()) {
            List<String> ids = cases.openCasesOf(filter.applicant().strip(), APPLICANT_CASES);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            query.and("exists (select 1 from ACT_RU_EXECUTION E where E.ID_ = RES.PROC_INST_ID_"
                    + " and E.BUSINESS_KEY_ in (" + query.values(ids) + "))");
        }
        return Optional.of(query);
    }

    /** The steps I completed, the latest first; each says whether I may still take it back. */
    private PageResult<TaskView> done(CurrentUser officer, InboxFilter filter, PageQuery page) {
        HistoricTaskInstanceQuery query = doneQuery(officer, filter).orElse(null);
        if (query == null) {
            return new PageResult<>(List.of(), 0);
        }
        long total = query.count();
        List<HistoricTaskInstance> found = query.orderByHistoricTaskInstanceEndTime().desc()
                .listPage(page.offset(), page.size());
        Map<String, TaskCase> byTask = cases.taskCases(found.stream().map(HistoricTaskInstance::getId).toList())
                .stream().collect(Collectors.toMap(TaskCase::taskId, Function.identity()));
        SignTasks signs = signTasks(found.stream().map(HistoricTaskInstance::getId)
                .filter(id -> !byTask.containsKey(id)).toList());
        return new PageResult<>(found.stream().map(h -> {
            CountersignRepository.Row sign = signs.countersigns().get(h.getId());
            TaskCase c = sign == null ? byTask.get(h.getId()) : signs.caseOf(h.getId());
            return new TaskView(h.getId(), h.getName(), sign != null && c != null ? c.itemCode()
                    : h.getTaskDefinitionKey(), c == null ? null : c.caseId(),
                    c == null ? null : c.caseNumber(), c == null ? null : c.bundleCode(),
                    c == null ? null : c.bundleName(), c == null ? null : c.department(),
                    c == null ? null : catalog.departmentName(c.department()), c == null ? null : c.applicantName(),
                    h.getStartTime(), h.getDueDate(), h.getAssignee(), officer.name(), null, false, null, null, false,
                    null, null, null, null, false, h.getEndTime(), c != null && sign == null && withdrawable(h), null,
                    null, sign == null ? null : Countersigns.signTask(sign));
        }).toList(), total);
    }

    private Optional<HistoricTaskInstanceQuery> doneQuery(CurrentUser officer, InboxFilter filter) {
        HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery().taskAssignee(officer.username())
                .finished().taskDeleteReason("completed");
        checkRanges(filter);
        if (filter.bundle() != null && !filter.bundle().isBlank()) {
            query = query.processDefinitionKey(processOf(filter));
        }
        if (filter.item() != null && !filter.item().isBlank()) {
            query = query.taskDefinitionKey(filter.item());
        }
        if (filter.receivedFrom() != null) {
            query = query.startedAfter(justBefore(filter.receivedFrom()));
        }
        if (filter.receivedTo() != null) {
            query = query.startedBefore(startOf(filter.receivedTo().plusDays(1)));
        }
        return Optional.of(query);
    }

    /** Mine to take back while the case is open, the step not worked again, and nothing after it claimed. */
    private boolean withdrawable(HistoricTaskInstance done) {
        TaskItem item = cases.taskItem(done.getId()).orElse(null);
        return item != null && item.status().isDone()
                && runtime.createProcessInstanceQuery().processInstanceId(done.getProcessInstanceId()).count() == 1
                && tasks.createTaskQuery().processInstanceId(done.getProcessInstanceId())
                        .taskCreatedAfter(done.getEndTime()).taskAssigned().count() == 0;
    }

    private PageResult<TaskView> copiesTo(CurrentUser officer, PageQuery page) {
        List<TaskCopies.Copy> found = copies.to(officer.username(), page);
        Map<String, String> numbers = cases.caseNumbers(found.stream().map(TaskCopies.Copy::caseId).distinct()
                .toList());
        return new PageResult<>(found.stream().map(c -> new TaskView(c.taskId(), c.taskName(), c.itemCode(),
                c.caseId(), numbers.get(c.caseId()), null, null, null, null, null, null, null, null, null, null, false,
                null, null, false, null, null, null, null, false, null, false,
                new TaskView.Copy(c.id(), c.sentBy(), c.note(), c.sentAt(), c.readAt() != null), null, null))
                .toList(),
                copies.count(officer.username()));
    }

    private String processOf(InboxFilter filter) {
        return catalog.bundle(filter.bundle()).map(Bundle::process).orElseThrow(() -> new InvalidRequestException(
                new FieldError("bundle", "oneOf", "没有这个一件事：" + filter.bundle(), "unknown bundle")));
    }

    private static void checkRanges(InboxFilter filter) {
        if (filter.dueFrom() != null && filter.dueTo() != null && filter.dueTo().isBefore(filter.dueFrom())) {
            throw new InvalidRequestException(new FieldError("dueTo", "range", "办理期限的结束日期不能早于开始日期",
                    "dueTo must not be before dueFrom"));
        }
        if (filter.receivedFrom() != null && filter.receivedTo() != null
                && filter.receivedTo().isBefore(filter.receivedFrom())) {
            throw new InvalidRequestException(new FieldError("receivedTo", "range", "收件日期的结束日期不能早于开始日期",
                    "receivedTo must not be before receivedFrom"));
        }
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ClockConfig.BEIJING).toInstant());
    }

    private static Date justBefore(LocalDate day) {
        return new Date(startOf(day).getTime() - 1);
    }

    /** The officer's department among the task's candidate groups (each inspection step is one department's). */
    private String inspectionDepartment(Task task, CurrentUser officer) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
                .filter(g -> g != null && officer.worksIn(g)).findFirst().orElse(null);
    }

    /** The assignees' names; their usernames while the directory cannot answer. */
    private Map<String, String> names(List<Task> found) {
        return found.stream().map(Task::getAssignee).filter(a -> a != null).distinct()
                .collect(Collectors.toMap(Function.identity(), directory::nameOf));
    }

    /** Signers' own tasks among these, with the countersign and the case each belongs to. */
    private record SignTasks(Map<String, CountersignRepository.Row> countersigns, Map<String, TaskCase> hostCases) {

        /** The item's case, on the signer's task. */
        TaskCase caseOf(String taskId) {
            return signCase(taskId, hostCases.get(countersigns.get(taskId).hostTaskId()));
        }
    }

    private SignTasks signTasks(List<String> taskIds) {
        Map<String, CountersignRepository.Row> signs = countersigns.ofSignTasks(taskIds);
        return new SignTasks(signs, cases.taskCases(signs.values().stream().map(CountersignRepository.Row::hostTaskId)
                .distinct().toList()).stream().collect(Collectors.toMap(TaskCase::taskId, Function.identity())));
    }

    private static TaskCase signCase(String taskId, TaskCase host) {
        return host == null ? null : new TaskCase(taskId, host.caseId(), host.caseNumber(), host.bundleCode(),
                host.bundleName(), host.itemCode(), host.department(), host.applicantName());
    }

    private TaskView view(Task t, TaskCase c, String ratingId, String inspectionId, Map<String, String> names,
            Countersign.Status countersign, Countersign.SignTask sign) {
        LocalDate dueDate = t.getDueDate() == null ? null
                : t.getDueDate().toInstant().atZone(ClockConfig.BEIJING).toLocalDate();
        return new TaskView(t.getId(), t.getName(), sign != null && c != null ? c.itemCode() : t.getTaskDefinitionKey(),
                c == null ? null : c.caseId(),
                c == null ? null : c.caseNumber(), c == null ? null : c.bundleCode(),
                c == null ? null : c.bundleName(), c == null ? null : c.department(),
                c == null ? null : catalog.departmentName(c.department()), c == null ? null : c.applicantName(),
                t.getCreateTime(), t.getDueDate(), t.getAssignee(), names.get(t.getAssignee()), dueDate,
                dueDate != null && deadlines.provisional(dueDate), deadlines.light(t.getDueDate(), t.getFollowUpDate()),
                dueDate == null ? null : deadlines.remaining(dueDate), t.getPriority() >= Task.PRIORITY_MAXIMUM,
                ratingId, inspectionId, t.getDelegationState() == null ? null : t.getOwner(),
                t.getDelegationState() == null ? null : t.getDelegationState().name(),
                c != null && ratingId == null && inspectionId == null && sign == null && actions.bulkApprove(t), null,
                false, null, countersign, sign);
    }
}
