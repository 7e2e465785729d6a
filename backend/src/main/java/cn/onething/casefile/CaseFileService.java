package cn.onething.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.FieldType;
import cn.onething.bundle.ItemSettings;
import cn.onething.bundle.ModelledBundles;
import cn.onething.casefile.CaseRepository.CaseRow;
import cn.onething.casefile.CaseRepository.ItemRow;
import cn.onething.casefile.CaseRepository.Scope;
import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.CaseStatus;
import cn.onething.casefile.CaseViews.CaseSummary;
import cn.onething.casefile.CaseViews.ItemView;
import cn.onething.casefile.CaseViews.MaterialRef;
import cn.onething.casefile.CaseViews.Supplement;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.ClockConfig;
import cn.onething.casefile.MaterialStore.StoredMaterial;
import cn.onething.metrics.PlatformMetrics;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.security.CurrentUser;
import cn.onething.timelimit.DeadlineView;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.Light;
import cn.onething.timelimit.WorkingClock;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.Mask;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/** Applications (办件): filed once, worked item by item, watched by the applicant to the end. */
@Service
public class CaseFileService {

    private static final Logger log = LoggerFactory.getLogger(CaseFileService.class);
    private static final String SYSTEM = "系统";
    /** Draws of a case number before giving up: with a day's numbers nearly all free, one redraw is rare. */
    private static final int NUMBER_DRAWS = 5;

    private final CaseRepository repository;
    private final MaterialStore materials;
    private final CaseProcess process;
    private final BundleCatalog catalog;
    private final FormJson forms;
    private final Drafts drafts;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final Deadlines deadlines;
    private final HeldLicences licences;
    private final ModelledBundles modelled;
    private final CaseNumbers numbers;
    private final NotificationService notifications;

    CaseFileService(CaseRepository repository, MaterialStore materials, CaseProcess process, BundleCatalog catalog,
            FormJson forms, Clock clock, Deadlines deadlines, HeldLicences licences, ModelledBundles modelled,
            CaseNumbers numbers, NotificationService notifications, Drafts drafts, PlatformMetrics metrics) {
        this.drafts = drafts;
        this.metrics = metrics;
        this.numbers = numbers;
        this.notifications = notifications;
        this.licences = licences;
        this.modelled = modelled;
        this.repository = repository;
        this.materials = materials;
        this.process = process;
        this.catalog = catalog;
        this.forms = forms;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public record SubmitCase(String bundleCode, Map<String, String> form, Map<String, String> materials) {
    }

    public record AnswerSupplement(String itemCode, Map<String, String> form, Map<String, String> materials,
            String comment) {
    }

    @Transactional
    public CaseDetail submit(CurrentUser applicant, SubmitCase request) {
        if (request.bundleCode() == null || request.bundleCode().isBlank()) {
            throw new InvalidRequestException(
                    new FieldError("bundleCode", "required", "请选择要办理的一件事", "bundleCode is required"));
        }
        // the latest version of the bundle's model says which department works each item, what it asks
        ModelledBundles.Latest latest = modelled.latest(request.bundleCode()).orElseThrow(() -> new InvalidRequestException(
                new FieldError("bundleCode", "oneOf", "没有这个一件事：" + request.bundleCode(), "unknown bundle")));
        Bundle bundle = latest.bundle();
        requireApplicantOf(bundle, applicant);
        Map<String, String> form = clean(request.form());
        Map<String, String> given = clean(request.materials());
        Map<String, String> held = heldLicences(bundle, applicant);
        // A material a held licence stands in for is not needed; one uploaded anyway is checked and kept.
        List<String> neededMaterials = bundle.materials().stream().filter(m -> m.appliesTo(form))
                .map(Bundle.MaterialSpec::code).filter(code -> !bundle.itemsNeeding(code).isEmpty())
                .filter(code -> !held.containsKey(code) || given.containsKey(code)).toList();
        check(bundle, form, given, bundle.askedFields(), neededMaterials, applicant);

        OffsetDateTime now = OffsetDateTime.now(clock);
        String id = UUID.randomUUID().toString();
        CaseRow row = null;
        for (int draw = 0; row == null; draw++) {
            if (draw == NUMBER_DRAWS) {
                throw new IllegalStateException("no free case number for " + bundle.code() + " after " + draw + " draws");
            }
            CaseRow drawn = new CaseRow(id, numbers.draw(bundle.code(), now.toLocalDate()), bundle.code(),
                    applicant.id(), applicant.name(), CaseStatus.IN_PROGRESS, forms.write(form), now, null,
                    WorkingClock.start(bundle.promisedDays(), now.toLocalDate()));
            row = repository.insertCaseFile(drawn) ? drawn : null;
        }
        Map<String, String> items = bundle.items().stream()
                .collect(Collectors.toMap(Bundle.Item::code, Bundle.Item::department, (a, b) -> a, LinkedHashMap::new));
        repository.insertItems(id, items, given);
        repository.addEvent(id, now, "SUBMITTED", null, applicant.name(),
                "提交申请：" + bundle.name() + "，共 " + bundle.items().size() + " 个事项");
        held.forEach((material, number) -> {
            if (!given.containsKey(material)) {
                repository.addEvent(id, now, "MATERIAL_FROM_LICENCE", null, SYSTEM, bundle.material(material)
                        .orElseThrow().name() + "：已在本平台取得电子证照（编号 " + number + "），免于提交");
            }
        });
        process.start(latest.processDefinitionId(), id);
        drafts.filed(applicant, bundle.code());
        metrics.caseStarted(bundle.code());
        log.info("case {} submitted for bundle {} by {}", row.number(), bundle.code(), applicant.id());
        // read again: a model may have decided the case already (告知承诺)
        return detail(repository.findCase(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PageResult<CaseSummary> list(CurrentUser user, PageQuery page) {
        Scope scope = user.isManager() ? new Scope(true, List.of(), null)
                : user.isOfficer() ? new Scope(false, user.departments(), null)
                : new Scope(false, List.of(), user.id());
        if (!scope.all() && scope.applicantId() == null && scope.departments().isEmpty()) {
            return new PageResult<>(List.of(), 0);
        }
        List<CaseSummary> items = repository.page(scope, page).stream().map(s -> {
            CaseRow c = s.row();
            DeadlineView deadline = caseDeadline(c, List.of());
            return new CaseSummary(c.id(), c.number(), c.bundleCode(), bundleName(c.bundleCode()),
                    Mask.name(c.applicantName()), c.status(), c.submittedAt(), c.completedAt(), s.itemsDone(),
                    s.itemsTotal(), deadline.dueDate(), deadline.provisional(), deadline.light());
        }).toList();
        return new PageResult<>(items, repository.count(scope));
    }

    private DeadlineView caseDeadline(CaseRow c, List<Deadlines.ClockStop> stops) {
        return deadlines.view(c.clock(), c.completedAt(), null, stops);
    }

    @Transactional(readOnly = true)
    public CaseDetail detail(CurrentUser user, String caseId) {
        return detail(visibleCase(user, caseId));
    }

    @Transactional
    public CaseDetail answerSupplement(CurrentUser applicant, String caseId, AnswerSupplement answer) {
        CaseRow row = repository.findCase(caseId).filter(c -> c.applicantId().equals(applicant.id()))
                .orElseThrow(() -> caseNotFound(caseId));
        Bundle bundle = bundle(row);
        String itemCode = answer.itemCode();
        ItemRow item = repository.items(caseId).stream().filter(i -> i.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        new FieldError("itemCode", "oneOf", "本办件没有这个事项：" + itemCode, "unknown item")));
        if (item.status() != ItemStatus.SUPPLEMENT) {
            throw new ConflictException(itemName(bundle, itemCode) + "当前不需要补正");
        }
        List<String> missing = splitCodes(item.supplementMissing());
        Map<String, String> form = clean(answer.form());
        Map<String, String> given = clean(answer.materials());
        check(bundle, form, given, missing.stream().filter(c -> bundle.field(c).isPresent()).toList(),
                missing.stream().filter(c -> bundle.material(c).isPresent()).toList(), applicant);

        Map<String, String> merged = forms.read(row.formJson());
        merged.putAll(form);
        repository.updateForm(caseId, forms.write(merged));
        repository.replaceMaterials(caseId, given);
        String note = answer.comment() == null || answer.comment().isBlank() ? "" : "。说明：" + answer.comment().strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.addEvent(caseId, now, "SUPPLEMENT_ANSWERED", itemCode, applicant.name(),
                itemName(bundle, itemCode) + "：申请人已补正，恢复计时" + note);
        repository.resumeItemClock(caseId, itemCode, now.toLocalDate());
        if (repository.countItems(caseId, ItemStatus.SUPPLEMENT) == 1) {
            repository.updateCaseClock(caseId, row.clock().resume(now.toLocalDate()));
        }
        process.supplementAnswered(caseId, itemCode, item.clock().elapsedDays());
        return detail(repository.findCase(caseId).orElseThrow());
    }

    /** `exemptMaterials`: material code → number of the held licence that stands in for it. */
    public record Prefill(Map<String, String> values, Map<String, String> sources,
            Map<String, String> exemptMaterials) {
    }

    /** Material code → number of a valid licence the applicant holds that stands in for it. */
    private Map<String, String> heldLicences(Bundle bundle, CurrentUser applicant) {
        Map<String, String> held = new LinkedHashMap<>();
        bundle.materials().stream().filter(m -> m.licence() != null).forEach(m -> licences
                .heldLicence(applicant.id(), m.licence()).ifPresent(number -> held.put(m.code(), number)));
        return held;
    }

    /** 两个免于提交: what the platform already knows about the applicant, to correct rather than retype. */
    @Transactional(readOnly = true)
    public Prefill prefill(CurrentUser applicant, String bundleCode) {
        Bundle bundle = modelled.latest(bundleCode).map(ModelledBundles.Latest::bundle)
                .orElseThrow(() -> new NotFoundException("没有这个一件事：" + bundleCode));
        requireApplicantOf(bundle, applicant);
        List<String> asked = bundle.askedFields();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Bundle.FormField field : bundle.fields().stream().filter(f -> asked.contains(f.code())).toList()) {
            String known = field.prefill() == null ? null : applicant.profile().get(field.prefill());
            if (known != null) {
                values.put(field.code(), known);
                sources.put(field.code(), "profile");
            }
        }
        for (String earlier : repository.latestForms(applicant.id(), 5)) {
            forms.read(earlier).forEach((code, value) -> {
                // a commitment is signed afresh on each application, never carried over
                if (asked.contains(code) && bundle.field(code).filter(f -> f.type() != FieldType.COMMITMENT).isPresent()
                        && !values.containsKey(code) && !value.isBlank()) {
                    values.put(code, value);
                    sources.put(code, "earlierCase");
                }
            });
        }
        return new Prefill(values, sources, heldLicences(bundle, applicant));
    }

    @Transactional(readOnly = true)
    public CaseViews.Diagram diagram(CurrentUser user, String caseId) {
        CaseRow row = visibleCase(user, caseId);
        if (!user.isManager() && !user.isOfficer()) {
            throw new NotFoundException("办件流程图仅对工作人员开放");
        }
        return process.diagram(row.id(), bundle(row).process());
    }

    // ---- for the department inbox (task feature) ----

    /** A task's item, as the inbox needs it to authorize and decide. */
    public record TaskItem(String caseId, String bundleCode, String itemCode, String itemName, String department,
            ItemStatus status) {
    }

    @Transactional(readOnly = true)
    public Optional<TaskItem> taskItem(String taskId) {
        return repository.itemByTask(taskId).map(i -> new TaskItem(i.caseId(), i.bundleCode(), i.itemCode(),
                itemName(catalog.bundle(i.bundleCode()).orElseThrow(), i.itemCode()), i.department(), i.status()));
    }

    /** The open cases of an applicant by full name, for the inbox's filter (at most `limit`). */
    @Transactional(readOnly = true)
    public List<String> openCasesOf(String applicantName, int limit) {
        return repository.openCasesOf(applicantName, limit);
    }

    @Transactional(readOnly = true)
    public List<TaskCase> taskCases(Collection<String> taskIds) {
        return repository.taskCases(taskIds).stream()
                .map(t -> new TaskCase(t.taskId(), t.caseId(), t.number(), t.bundleCode(), bundleName(t.bundleCode()),
                        t.itemCode(), t.department(), Mask.name(t.applicantName())))
                .toList();
    }

    /** Refuses an incomplete decision on a task's item, naming each field at fault; the item's bundle otherwise. */
    public Bundle checkDecision(TaskItem item, Task task, Decision decision, String comment, List<String> missing) {
        // what the officer may ask back is what the item needs in the version of the model the case runs on
        Bundle bundle = modelled.ofDefinition(catalog.bundle(item.bundleCode()).orElseThrow(),
                task.getProcessDefinitionId());
        Bundle.Item spec = bundle.item(item.itemCode()).orElseThrow();
        String reason = comment == null ? "" : comment.strip();
        List<String> asked = missing == null ? List.of() : missing.stream().distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        if (decision == null) {
            errors.add(new FieldError("decision", "oneOf", "请选择办理结果：通过、不予办理或退回补正",
                    "decision must be approve, reject or return"));
        } else if (decision == Decision.REJECT && reason.isEmpty()) {
            errors.add(new FieldError("comment", "required", "不予办理须说明理由", "a rejection needs a reason"));
        } else if (decision == Decision.RETURN) {
            if (asked.isEmpty()) {
                errors.add(new FieldError("missing", "required", "退回补正须列明需补充的内容",
                        "a return must list what is missing"));
            }
            asked.stream().filter(code -> !spec.fields().contains(code) && !spec.materials().contains(code))
                    .forEach(code -> errors.add(new FieldError("missing", "oneOf",
                            "「" + code + "」不是本事项的表单项或材料", code + " is not a field or material of this item")));
        }
        if (reason.length() > 1000) {
            errors.add(new FieldError("comment", "maxLength", "意见不能超过 1000 字", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return bundle;
    }

    /**
     * Records an officer's decision on a task's item. Checks the decision first and writes nothing when it
     * is incomplete; a task already decided by someone else is a conflict.
     */
    @Transactional
    public void recordDecision(TaskItem item, Task task, String officerName, Decision decision, String comment,
            List<String> missing) {
        Bundle bundle = checkDecision(item, task, decision, comment, missing);
        String reason = comment == null ? "" : comment.strip();
        List<String> asked = missing == null ? List.of() : missing.stream().distinct().toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = repository.decide(task.getId(), decision.result(), reason.isEmpty() ? null : reason, officerName,
                now, decision == Decision.RETURN ? String.join(",", asked) : null);
        if (updated == 0) {
            throw new ConflictException(item.itemName() + "已由他人办理");
        }
        String message = switch (decision) {
            case APPROVE -> item.itemName() + "：通过" + (reason.isEmpty() ? "" : "。意见：" + reason);
            case REJECT -> item.itemName() + "：不予办理。理由：" + reason;
            case RETURN -> item.itemName() + "：退回补正，需补充：" + asked.stream().map(c -> label(bundle, c))
                    .collect(Collectors.joining("、")) + (reason.isEmpty() ? "" : "。说明：" + reason);
        };
        repository.addEvent(item.caseId(), now, "ITEM_" + decision.name(), item.itemCode(), officerName, message);
        if (decision == Decision.RETURN) {
            stopClocks(item.caseId(), item.itemCode(), now.toLocalDate());
        }
        CaseRow filed = repository.findCase(item.caseId()).orElseThrow();
        notifications.toApplicant(filed.applicantId(), Notification.Kind.CASE, "您的" + bundle.name() + "（办件编号 "
                + filed.number() + "）" + (decision == Decision.RETURN ? message + "。请登录后在办件页面补正"
                        : message), new NotificationService.Subject(item.caseId(), item.itemCode(), null));
    }

    /** A filed case's form and its bundle, for what needs the applicant's answers (the phone to reach them). */
    public record FiledForm(Bundle bundle, Map<String, String> form) {
    }

    public Optional<FiledForm> formAndBundle(String caseId) {
        return repository.findCase(caseId).flatMap(c -> catalog.bundle(c.bundleCode())
                .map(b -> new FiledForm(b, forms.read(c.formJson()))));
    }

    /** A 补正 stops the item's clock, and the case's while any of its items waits for the applicant. */
    private void stopClocks(String caseId, String itemCode, LocalDate day) {
        ItemRow item = repository.item(caseId, itemCode).orElseThrow();
        repository.stopItemClock(caseId, itemCode, item.clock().stop(deadlines.calendar(), day));
        if (repository.countItems(caseId, ItemStatus.SUPPLEMENT) == 1) {
            CaseRow c = repository.findCase(caseId).orElseThrow();
            repository.updateCaseClock(caseId, c.clock().stop(deadlines.calendar(), day));
        }
    }

    /**
     * Records that a task's item ran past its deadline and went to the department lead (督办); returns
     * what the notifications need, or empty when it was escalated before.
     */
    @Transactional
    public Optional<TaskCase> recordEscalation(String taskId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<TaskCase> task = taskCases(List.of(taskId)).stream().findFirst();
        if (task.isEmpty() || !repository.escalate(taskId, now)) {
            return Optional.empty();
        }
        TaskCase t = task.get();
        Bundle bundle = catalog.bundle(t.bundleCode()).orElseThrow();
        repository.addEvent(t.caseId(), now, "ITEM_ESCALATED", t.itemCode(), SYSTEM, itemName(bundle, t.itemCode())
                + "：已超过办理期限，转" + catalog.departmentName(t.department()) + "负责人督办");
        return task;
    }

    /**
     * The case of a modelled step that is no item (e.g. a site inspection's task, run by a call activity that
     * passes the case id on as business key), for its warnings and escalation. It has no task id: such a
     * step is worked from its own page, not the item task page.
     */
    @Transactional(readOnly = true)
    public Optional<TaskCase> stepCase(String caseId, String stepCode, String department) {
        return caseId == null ? Optional.empty() : repository.findCase(caseId).map(c -> new TaskCase(null, c.id(),
                c.number(), c.bundleCode(), bundleName(c.bundleCode()), stepCode, department,
                Mask.name(c.applicantName())));
    }

    /** A step that is no item ran past its deadline: the timeline says so (the task itself goes to the top). */
    @Transactional
    public void recordStepEscalation(TaskCase step, String stepName) {
        repository.addEvent(step.caseId(), OffsetDateTime.now(clock), "STEP_ESCALATED", step.itemCode(), SYSTEM,
                stepName + "（" + catalog.departmentName(step.department()) + "）：已超过期限，转部门负责人督办");
    }

    // ---- for ratings (好差评) ----

    /** What a rating is about (精准三对应): the case, and the item with its department and deciding officer. */
    public record RatingSubject(String caseId, String caseNumber, String bundleCode, String bundleName,
            String applicantId, boolean caseEnded, String itemCode, String itemName, String department,
            ItemStatus itemStatus, String decidedBy) {
    }

    /**
     * The subject of a rating of the case (itemCode null: its lead department) or of one of its items, for a
     * user entitled to see the case; others get 404.
     */
    @Transactional(readOnly = true)
    public RatingSubject ratingSubject(CurrentUser user, String caseId, String itemCode) {
        return ratingSubject(visibleCase(user, caseId), itemCode);
    }

    /** The same, for a feature that has checked who may see it (a rating's rater, department, managers). */
    @Transactional(readOnly = true)
    public RatingSubject ratingSubject(String caseId, String itemCode) {
        return ratingSubject(repository.findCase(caseId).orElseThrow(() -> caseNotFound(caseId)), itemCode);
    }

    private RatingSubject ratingSubject(CaseRow row, String itemCode) {
        String caseId = row.id();
        Bundle bundle = bundle(row);
        boolean ended = row.status() == CaseStatus.COMPLETED;
        if (itemCode == null) {
            return new RatingSubject(row.id(), row.number(), bundle.code(), bundle.name(), row.applicantId(), ended,
                    null, null, bundle.leadDepartment(), null, null);
        }
        ItemRow item = repository.item(caseId, itemCode).orElseThrow(() -> new InvalidRequestException(
                new FieldError("itemCode", "oneOf", "本办件没有这个事项：" + itemCode, "unknown item")));
        return new RatingSubject(row.id(), row.number(), bundle.code(), bundle.name(), row.applicantId(), ended,
                itemCode, itemName(bundle, itemCode), item.department(), item.status(), item.decidedBy());
    }

    /** A filed application as other features need it (licences, inspections): who filed what. */
    public record Application(String caseId, String caseNumber, String bundleCode, String applicantId,
            String applicantName, Map<String, String> form) {
    }

    @Transactional(readOnly = true)
    public Application application(String caseId) {
        CaseRow row = repository.findCase(caseId).orElseThrow(() -> caseNotFound(caseId));
        return new Application(row.id(), row.number(), row.bundleCode(), row.applicantId(), row.applicantName(),
                forms.read(row.formJson()));
    }

    /** Case id → case number (办件编号), for the given ids that are cases. */
    @Transactional(readOnly = true)
    public Map<String, String> caseNumbers(Collection<String> caseIds) {
        return repository.numbers(caseIds.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** An entry on the case timeline written by another feature (e.g. the outcome of a rectification). */
    @Transactional
    public void addTimelineEntry(String caseId, String type, String itemCode, String actor, String message) {
        repository.addEvent(caseId, OffsetDateTime.now(clock), type, itemCode, actor, message);
    }

    /** 转办 to another department: the item is that department's from now on. */
    @Transactional
    public void moveItem(TaskItem item, String department, String actor, String message) {
        repository.moveItem(item.caseId(), item.itemCode(), department);
        addTimelineEntry(item.caseId(), "TASK_TRANSFERRED", item.itemCode(), actor, message);
    }

    /**
     * Items to be worked again because the case goes back to an earlier step (退回, 撤回): each waits again
     * and keeps the working days it used, so its clock goes on from there instead of from zero; an item
     * that waited for the applicant no longer does. `target` is the step gone back to; the others are those
     * after it, worked again when they were worked since `since`. Answers the working days each item used.
     */
    @Transactional
    public Map<String, Integer> rewindItems(String caseId, String target, Collection<String> itemCodes,
            OffsetDateTime since) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> used = new LinkedHashMap<>();
        boolean wasPaused = repository.countItems(caseId, ItemStatus.SUPPLEMENT) > 0;
        for (ItemRow item : repository.items(caseId)) {
            boolean worked = item.status() == ItemStatus.IN_PROGRESS || item.status() == ItemStatus.SUPPLEMENT
                    || item.decidedAt() != null && !item.decidedAt().isBefore(since);
            if (!item.itemCode().equals(target) && (!itemCodes.contains(item.itemCode()) || !worked)) {
                continue;
            }
            LocalDate until = item.decidedAt() == null ? today
                    : item.decidedAt().atZoneSameInstant(ClockConfig.BEIJING).toLocalDate();
            int elapsed = item.clock() == null ? 0 : item.clock().elapsed(deadlines.calendar(), until);
            if (item.status() == ItemStatus.SUPPLEMENT) {
                repository.resumeItemClock(caseId, item.itemCode(), today);
            }
            repository.resetItem(caseId, item.itemCode(), elapsed);
            used.put(item.itemCode(), elapsed);
        }
        if (wasPaused && repository.countItems(caseId, ItemStatus.SUPPLEMENT) == 0) {
            CaseRow row = repository.findCase(caseId).orElseThrow();
            repository.updateCaseClock(caseId, row.clock().resume(today));
        }
        return used;
    }

    // ---- time-limit monitoring for managers ----

    public record LightCount(String department, String departmentName, int open, int green, int yellow, int red,
            int paused) {
    }

    @Transactional(readOnly = true)
    public List<LightCount> lightCounts() {
        Map<String, CaseRepository.LightCount> counts = repository.lightCounts(OffsetDateTime.now(clock)).stream()
                .collect(Collectors.toMap(CaseRepository.LightCount::department, c -> c));
        return catalog.departments().stream().map(d -> {
            CaseRepository.LightCount c = counts.getOrDefault(d.code(),
                    new CaseRepository.LightCount(d.code(), 0, 0, 0, 0, 0));
            return new LightCount(d.code(), d.name(), c.open(), c.green(), c.yellow(), c.red(), c.paused());
        }).toList();
    }

    public record LateItem(String caseId, String caseNumber, String bundleCode, String bundleName, String itemCode,
            String itemName, String department, String departmentName, LocalDate dueDate, boolean provisional,
            Light light, int remainingDays, boolean escalated) {
    }

    @Transactional(readOnly = true)
    public PageResult<LateItem> lateItems(Light light, String department, PageQuery page) {
        if (light != Light.RED && light != Light.YELLOW) {
            throw new InvalidRequestException(new FieldError("light", "oneOf", "只能查询超期（RED）或预警（YELLOW）的事项",
                    "light must be RED or YELLOW"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean overdue = light == Light.RED;
        List<LateItem> items = repository.lateItems(overdue, department, now, page).stream().map(r -> {
            Bundle bundle = catalog.bundle(r.bundleCode()).orElseThrow();
            LocalDate due = r.dueAt().atZoneSameInstant(ClockConfig.BEIJING).toLocalDate();
            return new LateItem(r.caseId(), r.number(), r.bundleCode(), bundle.name(), r.itemCode(),
                    itemName(bundle, r.itemCode()), r.department(), catalog.departmentName(r.department()), due,
                    deadlines.provisional(due), light, deadlines.remaining(due),
                    r.escalatedAt() != null);
        }).toList();
        return new PageResult<>(items, repository.countLateItems(overdue, department, now));
    }

    @Transactional
    public void recordClaim(TaskItem item, CurrentUser officer) {
        repository.addEvent(item.caseId(), OffsetDateTime.now(clock), "ITEM_CLAIMED", item.itemCode(), officer.name(),
                item.itemName() + "：" + officer.name() + " 认领办理");
    }

    // ---- called by the engine through CaseLifecyclePlugin ----

    void itemTasksCreated(List<ItemStartJournal.ItemStart> starts) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CaseRepository.ItemRun> runs = new ArrayList<>();
        List<CaseRepository.EventRow> events = new ArrayList<>();
        for (ItemStartJournal.ItemStart start : starts) {
            Optional<Bundle.Item> item = catalog.bundleOfProcess(start.processKey())
                    .flatMap(b -> b.item(start.itemCode()));
            if (item.isEmpty() || start.due() == null) {
                continue;
            }
            OffsetDateTime due = start.due().toInstant().atZone(ClockConfig.BEIJING).toOffsetDateTime();
            Bundle.Item modelled = ItemSettings.apply(start.task(), item.get());
            runs.add(new CaseRepository.ItemRun(start.caseId(), start.itemCode(), start.taskId(), modelled.department(),
                    modelled.promisedDays(), due,
                    start.warnAt() == null ? null : start.warnAt().toInstant().atZone(ClockConfig.BEIJING).toOffsetDateTime()));
            LocalDate dueDate = due.toLocalDate();
            events.add(new CaseRepository.EventRow(start.caseId(), now, "ITEM_STARTED", start.itemCode(), SYSTEM,
                    item.get().name() + "：进入" + catalog.departmentName(modelled.department()) + "办理，办理期限至 "
                            + dueDate + (deadlines.provisional(dueDate) ? "（暂定）" : "")));
        }
        int[] updated = repository.itemTasksCreated(runs, now);
        List<CaseRepository.EventRow> recorded = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (updated[i] == 1) {
                recorded.add(events.get(i));
            }
        }
        repository.addEvents(recorded);
    }

    /** @param endName the name of the end event reached, which says how (准予许可, 不予许可 …); may be null */
    void caseEnded(String caseId, String endName) {
        Optional<CaseRow> row = caseId == null ? Optional.empty() : repository.findCase(caseId);
        if (row.isEmpty()) {
            return;
        }
        Bundle bundle = bundle(row.get());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String skipped : repository.skipWaitingItems(caseId, "前置事项未通过，本事项未办理")) {
            repository.addEvent(caseId, now, "ITEM_SKIPPED", skipped, SYSTEM,
                    itemName(bundle, skipped) + "：前置事项未通过，未办理");
        }
        if (row.get().status() != CaseStatus.COMPLETED) {
            repository.complete(caseId, now);
            repository.addEvent(caseId, now, "COMPLETED", null, SYSTEM, endName == null || endName.isBlank()
                    ? "全部事项办理完毕，办件办结" : "办件办结：" + endName);
        }
    }

    /**
     * The decision is made and the licences issued while the process goes on with supervision (a 告知承诺
     * post-check): the case is 办结 now — its limit is met and the applicant may rate it.
     */
    void caseDecided(String caseId) {
        CaseRow row = repository.findCase(caseId).orElseThrow(() -> caseNotFound(caseId));
        if (row.status() != CaseStatus.COMPLETED) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.complete(caseId, now);
            repository.addEvent(caseId, now, "COMPLETED", null, SYSTEM, "许可已作出，电子证照已签发，办件办结；事后核查另行进行");
        }
    }

    // ---- helpers ----

    private void check(Bundle bundle, Map<String, String> form, Map<String, String> given, Collection<String> fields,
            Collection<String> neededMaterials, CurrentUser applicant) {
        Map<String, StoredMaterial> uploads = materials.find(new HashSet<>(given.values()));
        List<FieldError> errors = new FormCheck(bundle, LocalDate.now(clock))
                .check(form, given, fields, neededMaterials, uploads, applicant.id());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private CaseRow visibleCase(CurrentUser user, String caseId) {
        return repository.findCase(caseId).filter(c -> user.isManager() || c.applicantId().equals(user.id())
                || user.isOfficer() && (repository.items(caseId).stream().anyMatch(i -> user.worksIn(i.department()))
                        || repository.copiedTo(caseId, user.username())
                        || repository.countersignedBy(caseId, user.username())))
                .orElseThrow(() -> caseNotFound(caseId));
    }

    private CaseDetail detail(CaseRow row) {
        Bundle bundle = bundle(row);
        Map<String, ItemRow> items = repository.items(row.id()).stream()
                .collect(Collectors.toMap(ItemRow::itemCode, i -> i));
        List<CaseRepository.StopRow> stops = repository.clockStops(row.id());
        List<ItemView> itemViews = bundle.items().stream().filter(i -> items.containsKey(i.code())).map(spec -> {
            ItemRow i = items.get(spec.code());
            Supplement supplement = i.status() == ItemStatus.SUPPLEMENT
                    ? new Supplement(splitCodes(i.supplementMissing()), i.supplementComment(), i.supplementRequestedAt())
                    : null;
            return new ItemView(spec.code(), spec.name(), i.department(), catalog.departmentName(i.department()),
                    i.status(), i.comment(), i.startedAt(), i.decidedAt(), i.decidedBy(), supplement,
                    itemDeadline(i, stops));
        }).toList();
        List<MaterialRef> materialRefs = repository.materials(row.id()).stream()
                .map(m -> new MaterialRef(m.code(), bundle.material(m.code()).map(Bundle.MaterialSpec::name).orElse(m.code()),
                        m.materialId(), m.filename(), m.contentType(), m.size(), m.sha256()))
                .toList();
        return new CaseDetail(row.id(), row.number(), row.bundleCode(), bundle.name(), row.applicantName(),
                row.status(), row.submittedAt(), row.completedAt(), caseDeadline(row, casePauses(stops)),
                forms.read(row.formJson()), materialRefs, itemViews, repository.events(row.id()));
    }

    private DeadlineView itemDeadline(ItemRow item, List<CaseRepository.StopRow> stops) {
        if (item.clock() == null || item.status() == ItemStatus.SKIPPED) {
            return null;
        }
        return deadlines.view(item.clock(), item.decidedAt(), item.escalatedAt(), stops.stream()
                .filter(s -> s.itemCode().equals(item.itemCode())).map(CaseRepository.StopRow::stop).toList());
    }

    /** The case's clock stands while any item waits for the applicant: the union of the items' pauses. */
    private static List<Deadlines.ClockStop> casePauses(List<CaseRepository.StopRow> stops) {
        List<Deadlines.ClockStop> sorted = stops.stream().map(CaseRepository.StopRow::stop)
                .sorted(java.util.Comparator.comparing(Deadlines.ClockStop::stoppedOn)).toList();
        List<Deadlines.ClockStop> merged = new ArrayList<>();
        for (Deadlines.ClockStop stop : sorted) {
            Deadlines.ClockStop last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last.resumedOn() == null || !stop.stoppedOn().isAfter(last.resumedOn()))) {
                LocalDate end = last.resumedOn() == null || stop.resumedOn() == null ? null
                        : stop.resumedOn().isAfter(last.resumedOn()) ? stop.resumedOn() : last.resumedOn();
                merged.set(merged.size() - 1, new Deadlines.ClockStop(last.stoppedOn(), end));
            } else {
                merged.add(stop);
            }
        }
        return merged;
    }

    private Bundle bundle(CaseRow row) {
        return catalog.bundle(row.bundleCode())
                .orElseThrow(() -> new IllegalStateException("case " + row.id() + " has unknown bundle " + row.bundleCode()));
    }

    private String bundleName(String code) {
        return catalog.bundle(code).map(Bundle::name).orElse(code);
    }

    private static String itemName(Bundle bundle, String itemCode) {
        return bundle.item(itemCode).map(Bundle.Item::name).orElse(itemCode);
    }

    private static String label(Bundle bundle, String code) {
        return bundle.field(code).map(Bundle.FormField::label)
                .or(() -> bundle.material(code).map(Bundle.MaterialSpec::name)).orElse(code);
    }

    private static NotFoundException caseNotFound(String caseId) {
        return new NotFoundException("没有这个办件：" + caseId);
    }

    private static Map<String, String> clean(Map<String, String> values) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    cleaned.put(k, v.strip());
                }
            });
        }
        return cleaned;
    }

    /** A bundle is filed (and drafted) by the kind of applicant it is for: citizens or enterprises. */
    static void requireApplicantOf(Bundle bundle, CurrentUser applicant) {
        if (bundle.forEnterprises() ? !applicant.isEnterprise() : !applicant.isCitizen()) {
            String kind = bundle.forEnterprises() ? "企业" : "个人";
            throw new ForbiddenException("「" + bundle.name() + "」由" + kind + "申请，请使用" + kind + "账号登录后办理");
        }
    }

    private static List<String> splitCodes(String codes) {
        return codes == null || codes.isBlank() ? List.of() : List.of(codes.split(","));
    }
}
