package cn.onething.task;

import static cn.onething.task.RequestText.optional;
import static cn.onething.task.RequestText.reason;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.TaskItem;
import cn.onething.casefile.Decision;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.security.CurrentUser;
import cn.onething.security.OfficerDirectory;
import cn.onething.task.Countersign.Mode;
import cn.onething.task.Countersign.Rule;
import cn.onething.task.Countersign.SignerState;
import cn.onething.task.Countersign.Status;
import cn.onething.task.CountersignRepository.OfficerRef;
import cn.onething.task.CountersignRepository.Row;
import cn.onething.task.CountersignRepository.SignerRow;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/**
 * 加签 / 会签: an item task's officer asks officers of any department to sign it. Each signer works their own engine
 * task (a subtask of the item's) when their turn comes; the item's task waits for them, and every step is on the
 * case's timeline.
 */
@Service
class Countersigns {

    static final int MAX_SIGNERS = 10;

    private final TaskService tasks;
    private final TaskAccess access;
    private final CountersignRepository repository;
    private final CaseFileService cases;
    private final OfficerDirectory directory;
    private final NotificationService notifications;
    private final StepCompletion completion;
    private final Clock clock;

    Countersigns(TaskService tasks, TaskAccess access, CountersignRepository repository, CaseFileService cases,
            OfficerDirectory directory, NotificationService notifications, StepCompletion completion, Clock clock) {
        this.tasks = tasks;
        this.access = access;
        this.repository = repository;
        this.cases = cases;
        this.directory = directory;
        this.notifications = notifications;
        this.completion = completion;
        this.clock = clock;
    }

    record Request(String mode, String rule, List<String> signers, String note) {
    }

    record Signature(Boolean agree, String opinion) {
    }

    /** Asks the signers; the officer must be free to work the task, and claims it when nobody has. */
    void request(CurrentUser officer, String taskId, Request request) {
        Mode mode = choice(Mode.class, request.mode(), "mode",
                "请选择加签方式：BEFORE（前加签）、AFTER（后加签）或 PARALLEL（会签）");
        Rule rule = null;
        if (mode == Mode.PARALLEL) {
            rule = choice(Rule.class, request.rule(), "rule", "会签须选择规则：ALL（全体同意）、ANY（一人同意即可）或 MAJORITY（过半数同意）");
        } else if (request.rule() != null && !request.rule().isBlank()) {
            throw new InvalidRequestException(new FieldError("rule", "parallelOnly", "只有会签可以设置同意规则",
                    "a rule is for PARALLEL countersigns only"));
        }
        String note = optional(request.note(), "note", 500);
        List<OfficerRef> signers = signers(officer, request.signers());
        Rule chosen = rule;
        completion.moving(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            access.requireFree(work, officer);
            Optional<Row> open = open(taskId);
            if (open.isPresent()) {
                throw new ConflictException(work.item().itemName() + "已有进行中的" + kind(open.get())
                        + "，待其结束或减签后再加签");
            }
            if (work.task().getAssignee() == null) {
                tasks.claim(taskId, officer.username());
            }
            long id = repository.insert(taskId, work.item().caseId(), work.item().itemCode(), mode, chosen,
                    officer.username(), officer.name(), now(), note, signers);
            Row countersign = repository.lock(id).orElseThrow();
            event(work.item(), "COUNTERSIGN_REQUESTED", officer.name(), officer.name() + " 发起" + kind(countersign)
                    + "：" + signers.stream().map(OfficerRef::name).collect(Collectors.joining("、"))
                    + (mode == Mode.AFTER ? "，在其提交办理意见后依次签署" : "") + (note == null ? "" : "。说明：" + note));
            advance(countersign, work.item(), officer.name());
            return null;
        });
    }

    /** The signer agrees or not; the countersign moves on, and may settle. */
    void sign(CurrentUser officer, String signTaskId, Signature signature) {
        if (signature.agree() == null) {
            throw new InvalidRequestException(new FieldError("agree", "required", "请选择同意或不同意",
                    "agree is required"));
        }
        boolean agree = signature.agree();
        String opinion = agree ? optional(signature.opinion(), "opinion", 500)
                : reason(signature.opinion(), "opinion", "不同意须说明理由");
        completion.moving(status -> {
            SignerRow own = repository.signerByTask(signTaskId)
                    .orElseThrow(() -> new NotFoundException("没有这个签署任务：" + signTaskId));
            if (!own.username().equals(officer.username())) {
                throw new ForbiddenException("这是 " + own.name() + " 的签署任务，您无权签署");
            }
            Row countersign = repository.lock(own.countersignId()).orElseThrow();
            SignerRow signer = signer(countersign, officer.username());
            if (countersign.status() != Status.OPEN || signer.state() != SignerState.ACTIVE) {
                throw new ConflictException("无需再签署：您已签署、已被减签，或" + kind(countersign) + "已结束");
            }
            tasks.complete(signTaskId);
            repository.sign(countersign.id(), officer.username(), agree ? SignerState.AGREED : SignerState.DISAGREED,
                    opinion, now());
            TaskItem item = hostItem(countersign);
            event(item, "COUNTERSIGN_SIGNED", officer.name(), officer.name() + " 签署" + kind(countersign) + "意见："
                    + (agree ? "同意" : "不同意") + (opinion == null ? "" : "。意见：" + opinion));
            advance(countersign, item, officer.name());
            return null;
        });
    }

    /** 减签: the requester or a lead leaves out a signer who has not started (in 会签: not signed). */
    void removeSigner(CurrentUser officer, String taskId, long countersignId, String username) {
        completion.moving(status -> {
            TaskAccess.Workable work = access.open(officer, taskId);
            Row countersign = repository.lock(countersignId).filter(c -> c.hostTaskId().equals(taskId))
                    .orElseThrow(() -> new NotFoundException("该任务没有这个加签：" + countersignId));
            if (!officer.username().equals(countersign.requestedBy()) && !officer.isLead()) {
                throw new ForbiddenException("只有发起人或部门负责人可以减签");
            }
            if (countersign.status() != Status.OPEN) {
                throw new ConflictException(kind(countersign) + "已结束，不能减签");
            }
            SignerRow signer = signer(countersign, username);
            if (signer.state() == SignerState.ACTIVE && countersign.mode().sequential()) {
                throw new ConflictException("该加签人已开始办理，不能减签");
            }
            if (!signer.state().unsigned()) {
                throw new ConflictException(signer.name() + "已签署或已被减签");
            }
            if (signer.state() == SignerState.ACTIVE) {
                tasks.deleteTask(signer.taskId(), "减签");
                notifications.toUser(username, Notification.Kind.TASK, officer.name() + " 已撤销请您签署「"
                        + work.item().itemName() + "」，无需再签", subject(work.item(), taskId));
            }
            repository.setState(countersignId, username, SignerState.REMOVED);
            event(work.item(), "COUNTERSIGN_SIGNER_REMOVED", officer.name(), officer.name() + " 减签：" + signer.name());
            advance(countersign, work.item(), officer.name());
            return null;
        });
    }

    /**
     * Whether the countersign holds the officer's decision: 后加签 keeps it until the signers agree; while others
     * are to sign first nobody decides, and a countersign that disagreed lets no approval through.
     */
    boolean holdsDecision(TaskAccess.Workable work, CurrentUser officer, Decision decision, String comment,
            List<String> missing) {
        Row countersign = repository.lockNewest(work.task().getId()).orElse(null);
        if (countersign == null) {
            return false;
        }
        String itemName = work.item().itemName();
        if (countersign.status() == Status.OPEN) {
            if (countersign.mode() != Mode.AFTER || countersign.pendingDecision() != null) {
                throw new ConflictException(itemName + "须等待加签人签署完毕（" + kind(countersign) + "）");
            }
            cases.checkDecision(work.item(), work.task(), decision, comment, missing);
            repository.holdDecision(countersign.id(), decision, comment == null ? null : comment.strip(),
                    missing == null ? List.of() : missing.stream().distinct().toList());
            event(work.item(), "COUNTERSIGN_DECISION_HELD", officer.name(), officer.name() + " 拟「" + decision.label()
                    + "」，待后加签人签署同意后生效");
            advance(repository.lock(countersign.id()).orElseThrow(), work.item(), officer.name());
            return true;
        }
        if (countersign.status() == Status.REJECTED && decision == Decision.APPROVE) {
            throw new ConflictException(itemName + "的" + kind(countersign) + "未通过，不能通过；可不予办理、退回补正、退回或重新加签");
        }
        return false;
    }

    /** Refuses handing the task on while its countersign is open. */
    void requireNoneOpen(TaskAccess.Workable work) {
        open(work.task().getId()).ifPresent(c -> {
            throw new ConflictException(work.item().itemName() + "正在" + kind(c) + "，待签署完毕或减签后再操作");
        });
    }

    /** The task's countersign while it is open. */
    Optional<Row> open(String taskId) {
        return repository.newest(taskId).filter(c -> c.status() == Status.OPEN);
    }

    /** The item task's countersigns, newest first, for its department's officers and its signers. */
    List<Countersign> readable(CurrentUser officer, String taskId) {
        if (!repository.isSigner(taskId, officer.username())) {
            access.item(officer, taskId);
        }
        return of(taskId);
    }

    List<Countersign> of(String taskId) {
        List<Row> rows = repository.ofTask(taskId);
        Map<Long, List<SignerRow>> signers = repository.signers(rows.stream().map(Row::id).toList());
        return rows.stream().map(c -> new Countersign(c.id(), c.mode(), c.rule(), c.status(), c.requestedBy(),
                c.requestedByName(), c.requestedAt(), c.note(), c.pendingDecision(), signers
                        .getOrDefault(c.id(), List.of()).stream().map(SignerRow::view).toList()))
                .toList();
    }

    Map<String, Status> statuses(Collection<String> taskIds) {
        return repository.newestStatuses(taskIds);
    }

    /** The countersign each of these tasks is a signer's own task of. */
    Map<String, Row> ofSignTasks(Collection<String> taskIds) {
        return repository.countersignsOfSignTasks(taskIds);
    }

    static Countersign.SignTask signTask(Row countersign) {
        return new Countersign.SignTask(countersign.id(), countersign.hostTaskId(), countersign.mode(),
                countersign.rule(), countersign.requestedByName());
    }

    /** The item's task ended another way (退回, 撤回, the case closed): its open countersign with it. */
    void hostEnded(String taskId) {
        repository.cancelOpen(taskId);
    }

    /** Activates whoever is to sign now, or settles the countersign when the signatures decide it. */
    private void advance(Row countersign, TaskItem item, String actor) {
        List<SignerRow> counted = repository.signers(countersign.id()).stream()
                .filter(s -> s.state() != SignerState.REMOVED).toList();
        if (counted.isEmpty()) {
            settle(countersign, item, actor, Status.CANCELLED, counted);
            return;
        }
        long agreed = counted.stream().filter(s -> s.state() == SignerState.AGREED).count();
        long disagreed = counted.stream().filter(s -> s.state() == SignerState.DISAGREED).count();
        if (!countersign.mode().sequential()) {
            counted.stream().filter(s -> s.state() == SignerState.WAITING).forEach(s -> activate(countersign, s, item));
            Status outcome = countersign.rule().outcome(agreed, disagreed, counted.size());
            if (outcome != Status.OPEN) {
                settle(countersign, item, actor, outcome, counted);
            }
        } else if (disagreed > 0) {
            settle(countersign, item, actor, Status.REJECTED, counted);
        } else if (counted.stream().noneMatch(s -> s.state() == SignerState.ACTIVE)) {
            Optional<SignerRow> next = counted.stream().filter(s -> s.state() == SignerState.WAITING).findFirst();
            if (next.isEmpty()) {
                settle(countersign, item, actor, Status.PASSED, counted);
            } else if (countersign.mode() == Mode.BEFORE || countersign.pendingDecision() != null) {
                activate(countersign, next.get(), item);
            }
        }
    }

    private void activate(Row countersign, SignerRow signer, TaskItem item) {
        Task host = tasks.createTaskQuery().taskId(countersign.hostTaskId()).singleResult();
        Task own = tasks.newTask();
        own.setName((countersign.mode() == Mode.PARALLEL ? "会签：" : "加签：") + item.itemName());
        own.setParentTaskId(host.getId());
        own.setAssignee(signer.username());
        own.setDueDate(host.getDueDate());
        own.setFollowUpDate(host.getFollowUpDate());
        own.setDescription(countersign.note());
        tasks.saveTask(own);
        repository.activate(countersign.id(), signer.username(), own.getId());
        notifications.toUser(signer.username(), Notification.Kind.TASK, countersign.requestedByName()
                + " 请您签署意见：「" + item.itemName() + "」（" + kind(countersign) + "）",
                subject(item, own.getId()));
    }

    private void settle(Row countersign, TaskItem item, String actor, Status outcome, List<SignerRow> counted) {
        counted.stream().filter(s -> s.state() == SignerState.ACTIVE && s.taskId() != null)
                .forEach(s -> tasks.deleteTask(s.taskId(), kind(countersign) + "已有结果"));
        repository.close(countersign.id(), outcome);
        String kind = kind(countersign);
        String result = switch (outcome) {
            case PASSED -> kind + "已通过";
            case REJECTED -> kind + "未通过：" + counted.stream().filter(s -> s.state() == SignerState.DISAGREED)
                    .map(s -> s.name() + "不同意" + (s.opinion() == null ? "" : "（" + s.opinion() + "）"))
                    .collect(Collectors.joining("；"));
            default -> kind + "已取消：加签人均已减签";
        };
        event(item, "COUNTERSIGN_" + outcome.name(), actor, result);
        boolean decides = outcome == Status.PASSED && countersign.pendingDecision() != null;
        notifications.toUser(countersign.requestedBy(), Notification.Kind.TASK, "「" + item.itemName() + "」" + result
                + (decides ? "，您的办理意见已生效" : outcome == Status.CANCELLED ? "" : "，请继续办理"),
                subject(item, countersign.hostTaskId()));
        if (decides) {
            Task host = tasks.createTaskQuery().taskId(countersign.hostTaskId()).singleResult();
            completion.decide(item, host, countersign.requestedBy(), countersign.requestedByName(),
                    countersign.pendingDecision(), countersign.pendingComment(), countersign.pendingMissing());
        }
    }

    private List<OfficerRef> signers(CurrentUser officer, List<String> usernames) {
        List<String> chosen = usernames == null ? List.of()
                : usernames.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
        if (chosen.isEmpty() || chosen.size() > MAX_SIGNERS) {
            throw new InvalidRequestException(new FieldError("signers", "size",
                    "请选择 1 到 " + MAX_SIGNERS + " 位加签人", "1 to " + MAX_SIGNERS + " signers"));
        }
        List<OfficerRef> signers = new ArrayList<>();
        for (String username : chosen) {
            if (username.equals(officer.username())) {
                throw new InvalidRequestException(new FieldError("signers", "notSelf", "不能请自己加签",
                        "cannot ask oneself to sign"));
            }
            OfficerDirectory.Officer found = directory.officer(username).orElseThrow(() ->
                    new InvalidRequestException(new FieldError("signers", "officer",
                            "「" + username + "」不是可加签的工作人员", username + " is no officer")));
            signers.add(new OfficerRef(found.username(), found.name()));
        }
        return signers;
    }

    private SignerRow signer(Row countersign, String username) {
        return repository.signers(countersign.id()).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("「" + username + "」不是该" + kind(countersign) + "的加签人"));
    }

    private TaskItem hostItem(Row countersign) {
        return cases.taskItem(countersign.hostTaskId()).orElseThrow(
                () -> new ConflictException(kind(countersign) + "所属的任务已结束，无需再签署"));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidRequestException(new FieldError(field, value == null || value.isBlank() ? "required" : "oneOf",
                message, field + " must be one of " + List.of(type.getEnumConstants())));
    }

    private static String kind(Row countersign) {
        return countersign.mode().label + (countersign.rule() == null ? "" : "（" + countersign.rule().label + "）");
    }

    private void event(TaskItem item, String type, String actor, String message) {
        cases.addTimelineEntry(item.caseId(), type, item.itemCode(), actor, item.itemName() + "：" + message);
    }

    private static NotificationService.Subject subject(TaskItem item, String taskId) {
        return new NotificationService.Subject(item.caseId(), item.itemCode(), taskId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
