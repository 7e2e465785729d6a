package cn.onething.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.ClockConfig;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.Application;
import cn.onething.casefile.MaterialAccess;
import cn.onething.casefile.MaterialService;
import cn.onething.inspection.InspectionRepository.AnswerKind;
import cn.onething.inspection.InspectionRepository.AnswerRow;
import cn.onething.inspection.InspectionRepository.FindingRow;
import cn.onething.inspection.InspectionRepository.InspectionRow;
import cn.onething.inspection.InspectionViews.Answer;
import cn.onething.inspection.InspectionViews.Confirmation;
import cn.onething.inspection.InspectionViews.Department;
import cn.onething.inspection.InspectionViews.Finding;
import cn.onething.inspection.InspectionViews.Findings;
import cn.onething.inspection.InspectionViews.InspectionDetail;
import cn.onething.inspection.InspectionViews.InspectionSummary;
import cn.onething.inspection.InspectionViews.OpenStep;
import cn.onething.inspection.InspectionViews.Proposal;
import cn.onething.inspection.InspectionViews.Rectification;
import cn.onething.security.CurrentUser;
import cn.onething.timelimit.Deadlines;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.Mask;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * Site inspections as officers and enterprises work them: the lead proposes a time, the others confirm or
 * propose another, each records its findings, the enterprise reports its rectification. Each action
 * completes the department's own task of the jointInspection process.
 */
@Service
public class InspectionService implements MaterialAccess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final List<String> PHOTO_TYPES = List.of("image/jpeg", "image/png", "application/pdf");
    private static final Map<String, String> STEP_NAMES = Map.of(InspectionProcess.PROPOSE, "拟定踏勘时间",
            InspectionProcess.CONFIRM, "确认踏勘时间", InspectionProcess.RECORD, "记录踏勘结论");
    static final int MAX_ISSUES = 20;
    static final int MAX_PHOTOS = 10;

    private final InspectionRepository repository;
    private final InspectionProcess process;
    private final InspectionSteps steps;
    private final InspectionBookings bookings;
    private final CaseFileService cases;
    private final MaterialService materials;
    private final BundleCatalog catalog;
    private final Deadlines deadlines;
    private final Clock clock;
    private final TransactionTemplate transaction;
    // Departments answering at once complete instances of one multi-instance step: the engine refuses
    // all but one; doing it again succeeds.
    private final RetryTemplate retry = RetryTemplate.builder().maxAttempts(5).exponentialBackoff(20, 2, 500)
            .retryOn(OptimisticLockingException.class).build();

    InspectionService(InspectionRepository repository, InspectionProcess process, InspectionSteps steps,
            InspectionBookings bookings, CaseFileService cases, MaterialService materials, BundleCatalog catalog, Deadlines deadlines, Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.process = process;
        this.steps = steps;
        this.bookings = bookings;
        this.cases = cases;
        this.materials = materials;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- reading ----

    /**
     * The inspections a user may see: a manager all, an officer those their departments take part in, an
     * applicant those of their own cases; optionally only visits in [from, to) (the calendar view).
     */
    public PageResult<InspectionSummary> list(CurrentUser user, OffsetDateTime from, OffsetDateTime to,
            InspectionStatus status, PageQuery page) {
        Collection<String> departments = user.isManager() ? null : user.isOfficer() ? user.departments() : null;
        String applicant = user.isManager() || user.isOfficer() ? null : user.id();
        if (departments != null && departments.isEmpty()) {
            return new PageResult<>(List.of(), 0);
        }
        List<InspectionRow> rows = repository.page(departments, applicant, from, to, status, page.size(),
                page.offset());
        Map<String, List<Task>> tasks = process.tasksOfInstances(rows.stream().map(InspectionRow::processInstanceId)
                .toList()).stream().collect(Collectors.groupingBy(Task::getProcessInstanceId));
        return new PageResult<>(rows.stream()
                .map(r -> summary(user, r, tasks.getOrDefault(r.processInstanceId(), List.of()))).toList(),
                repository.count(departments, applicant, from, to, status));
    }

    public InspectionDetail detail(CurrentUser user, String id) {
        InspectionRow row = visible(user, id);
        List<Answer> answers = repository.answers(id).stream().map(a -> new Answer(a.proposalNo(), a.department(),
                catalog.departmentName(a.department()), a.kind().name(), a.visitAt(), a.place(), a.note(),
                a.answeredBy(), a.answeredAt())).toList();
        List<Finding> findings = repository.findings(id).stream().map(f -> new Finding(f.round(), f.department(),
                catalog.departmentName(f.department()), f.result(), f.result().zh, issues(f.issues()), f.comment(),
                f.photos().isEmpty() ? List.of() : List.of(f.photos().split(",")), f.recordedBy(), f.recordedAt()))
                .toList();
        return new InspectionDetail(summary(user, row, process.openTasks(row.processInstanceId())), row.visitNote(),
                row.summary(), row.rectifyBy(), row.rectificationNote(), repository.rectificationPhotos(id), answers,
                findings);
    }

    /** The inspections of a case, for its page. */
    public List<InspectionSummary> ofCase(CurrentUser user, String caseId) {
        cases.detail(user, caseId); // 404 unless the user may see the case
        return repository.ofCase(caseId).stream()
                .map(r -> summary(user, r, process.openTasks(r.processInstanceId()))).toList();
    }

    /** Which inspection each of these tasks belongs to, for the inbox (tasks of other processes are left out). */
    public Map<String, InspectionSummary> inspectionTasks(CurrentUser user, List<Task> tasks) {
        Map<String, InspectionRow> rows = repository.byProcessInstances(tasks.stream()
                .map(Task::getProcessInstanceId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(InspectionRow::processInstanceId, Function.identity()));
        Map<String, InspectionSummary> found = new java.util.HashMap<>();
        for (Task t : tasks) {
            InspectionRow row = rows.get(t.getProcessInstanceId());
            if (row != null) {
                found.put(t.getId(), summary(user, row, List.of()));
            }
        }
        return found;
    }

    // ---- acting ----

    /** The lead department proposes when and where all departments visit (one visit for all). */
    public InspectionDetail propose(CurrentUser officer, String id, Proposal proposal) {
        act(() -> {
            InspectionRow row = visible(officer, id);
            if (!officer.isOfficer() || !officer.worksIn(row.leadDepartment())) {
                throw new ForbiddenException("踏勘时间由牵头部门" + catalog.departmentName(row.leadDepartment()) + "拟定");
            }
            Task task = openTask(row, InspectionProcess.PROPOSE, row.leadDepartment(), InspectionStatus.SCHEDULING);
            List<FieldError> errors = new ArrayList<>();
            checkVisitTime("visitAt", proposal.visitAt(), errors);
            String place = text(proposal.place(), "place", "踏勘地点", 200, true, errors);
            String note = text(proposal.note(), "note", "说明", 1000, false, errors);
            failOn(errors);
            OffsetDateTime now = OffsetDateTime.now(clock);
            int proposalNo = row.proposalNo() + 1;
            repository.propose(id, proposalNo, proposal.visitAt(), place, note);
            repository.addAnswer(id, new AnswerRow(proposalNo, row.leadDepartment(), AnswerKind.PROPOSED,
                    proposal.visitAt(), place, note, officer.name(), now));
            cases.addTimelineEntry(row.caseId(), "INSPECTION_PROPOSED", row.code(), officer.name(), steps.name(row)
                    + "：" + catalog.departmentName(row.leadDepartment()) + "拟定踏勘时间 " + visitTime(proposal.visitAt())
                    + "，地点：" + place + "，请各参加部门确认");
            process.complete(task);
        });
        return detail(officer, id);
    }

    /** A participant accepts the proposed time, or proposes another (the lead then proposes again). */
    public InspectionDetail confirm(CurrentUser officer, String id, Confirmation answer) {
        act(() -> {
            InspectionRow row = visible(officer, id);
            String department = department(officer, row, answer.department(), InspectionProcess.CONFIRM);
            Task task = openTask(row, InspectionProcess.CONFIRM, department, InspectionStatus.CONFIRMING);
            List<FieldError> errors = new ArrayList<>();
            if (answer.accept() == null) {
                errors.add(new FieldError("accept", "required", "请选择确认该时间或另提时间", "accept is required"));
            }
            boolean accept = Boolean.TRUE.equals(answer.accept());
            if (!accept && answer.accept() != null) {
                checkVisitTime("visitAt", answer.visitAt(), errors);
            }
            String note = text(answer.note(), "note", "说明", 1000, false, errors);
            failOn(errors);
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.addAnswer(id, new AnswerRow(row.proposalNo(), department,
                    accept ? AnswerKind.CONFIRMED : AnswerKind.COUNTER, accept ? null : answer.visitAt(), null, note,
                    officer.name(), now));
            String who = catalog.departmentName(department);
            cases.addTimelineEntry(row.caseId(), accept ? "INSPECTION_CONFIRMED" : "INSPECTION_COUNTER", row.code(),
                    officer.name(), steps.name(row) + "：" + who + (accept ? "确认踏勘时间"
                            : "另提踏勘时间 " + visitTime(answer.visitAt()) + (note == null ? "" : "（" + note + "）")));
            process.complete(task);
            if (process.openTask(row.processInstanceId(), InspectionProcess.PROPOSE, row.leadDepartment())
                    .isPresent()) {
                repository.updateStatus(id, InspectionStatus.SCHEDULING);
            }
        });
        return detail(officer, id);
    }

    /** A department records what it found on site: pass, pass with conditions, or fail with the reasons. */
    public InspectionDetail recordFindings(CurrentUser officer, String id, Findings findings) {
        act(() -> {
            InspectionRow row = visible(officer, id);
            String department = department(officer, row, findings.department(), InspectionProcess.RECORD);
            Task task = openTask(row, InspectionProcess.RECORD, department,
                    row.round() == 1 ? InspectionStatus.FIXED : InspectionStatus.RECHECK);
            List<FieldError> errors = new ArrayList<>();
            if (findings.result() == null) {
                errors.add(new FieldError("result", "oneOf", "请选择踏勘结论：通过、有条件通过或不通过",
                        "result must be PASS, CONDITIONS or FAIL"));
            }
            List<String> issues = findings.issues() == null ? List.of()
                    : findings.issues().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
            if (findings.result() != null && findings.result() != FindingResult.PASS && issues.isEmpty()) {
                errors.add(new FieldError("issues", "required", findings.result().zh + "须逐条列明不符合项",
                        "conditions and failures must list the items of non-compliance"));
            }
            if (issues.size() > MAX_ISSUES) {
                errors.add(new FieldError("issues", "maxItems", "不符合项最多 " + MAX_ISSUES + " 条",
                        "at most " + MAX_ISSUES + " issues"));
            }
            for (int i = 0; i < issues.size(); i++) {
                if (issues.get(i).length() > 200) {
                    errors.add(new FieldError("issues[" + i + "]", "maxLength", "每条不符合项不超过 200 字",
                            "at most 200 characters"));
                }
            }
            String comment = text(findings.comment(), "comment", "意见", 1000, false, errors);
            List<String> photos = photos(officer, findings.photos(), errors);
            LocalDate visitDay = row.visitAt().atZoneSameInstant(ClockConfig.BEIJING).toLocalDate();
            if (row.round() == 1 && LocalDate.now(clock).isBefore(visitDay)) {
                throw new ConflictException("踏勘定于 " + visitTime(row.visitAt()) + "，到场后才能记录结论");
            }
            failOn(errors);
            repository.addFinding(id, new FindingRow(row.round(), department, findings.result(), write(issues),
                    comment, String.join(",", photos), officer.name(), OffsetDateTime.now(clock)));
            repository.addPhotos(id, department, photos);
            cases.addTimelineEntry(row.caseId(), "INSPECTION_FINDING", row.code(), officer.name(), steps.name(row)
                    + (row.round() > 1 ? "（复查）" : "") + "：" + catalog.departmentName(department) + "结论为"
                    + findings.result().zh + (issues.isEmpty() ? "" : "，不符合项：" + String.join("；", issues)));
            process.complete(task);
        });
        return detail(officer, id);
    }

    /** The enterprise reports that it put the conditions right; the departments concerned re-check. */
    public InspectionDetail rectified(CurrentUser applicant, String id, Rectification rectification) {
        act(() -> {
            InspectionRow row = visible(applicant, id);
            Application application = cases.application(row.caseId());
            if (!application.applicantId().equals(applicant.id())) {
                throw new ForbiddenException("整改情况由申请企业提交");
            }
            if (row.status() != InspectionStatus.RECTIFYING) {
                throw new ConflictException(steps.name(row) + "当前不需要整改（" + row.status().zh + "）");
            }
            List<FieldError> errors = new ArrayList<>();
            String comment = text(rectification.comment(), "comment", "整改情况说明", 1000, true, errors);
            List<String> photos = photos(applicant, rectification.photos(), errors);
            failOn(errors);
            repository.rectified(id, comment);
            repository.addPhotos(id, null, photos);
            cases.addTimelineEntry(row.caseId(), "INSPECTION_RECTIFIED", row.code(), applicant.name(), steps.name(row)
                    + "：企业已提交整改情况，等待复查。" + comment + (photos.isEmpty() ? "" : "（附 " + photos.size() + " 份照片）"));
            process.rectified(row.processInstanceId());
        });
        return detail(applicant, id);
    }

    // ---- helpers ----

    private void act(Runnable action) {
        try {
            retry.execute(attempt -> transaction.execute(status -> {
                action.run();
                return null;
            }));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("该步骤已由本部门其他人员办理，请刷新后查看");
        }
    }

    private InspectionRow visible(CurrentUser user, String id) {
        InspectionRow row = repository.find(id).orElseThrow(() -> notFound(id));
        if (!takesPart(user, row)) {
            throw notFound(id);
        }
        return row;
    }

    /** Managers, the participating departments' officers and the applicant see an inspection and its photos. */
    private boolean takesPart(CurrentUser user, InspectionRow row) {
        return user.isManager()
                || user.isOfficer() && repository.departments(row.id()).stream().anyMatch(user::worksIn)
                || cases.application(row.caseId()).applicantId().equals(user.id());
    }

    @Override
    public boolean mayRead(CurrentUser user, String materialId) {
        return repository.inspectionsWithPhoto(materialId).stream().map(repository::find)
                .flatMap(java.util.Optional::stream).anyMatch(row -> takesPart(user, row));
    }

    /** The department an officer acts for: the one named, or their only department with this step open. */
    private String department(CurrentUser officer, InspectionRow row, String named, String step) {
        List<String> participants = repository.departments(row.id());
        if (named != null && !named.isBlank()) {
            if (!officer.isOfficer() || !officer.worksIn(named) || !participants.contains(named)) {
                throw new ForbiddenException("您不是" + catalog.departmentName(named) + "参加本次踏勘的人员");
            }
            return named;
        }
        List<String> mine = participants.stream().filter(officer::worksIn).toList();
        if (!officer.isOfficer() || mine.isEmpty()) {
            throw new ForbiddenException("您所在部门未参加本次踏勘");
        }
        List<String> open = mine.stream()
                .filter(d -> process.openTask(row.processInstanceId(), step, d).isPresent()).toList();
        return open.size() == 1 ? open.get(0) : mine.get(0);
    }

    private Task openTask(InspectionRow row, String step, String department, InspectionStatus expected) {
        return process.openTask(row.processInstanceId(), step, department).orElseThrow(() -> new ConflictException(
                catalog.departmentName(department) + "当前没有待办的「" + STEP_NAMES.get(step) + "」（踏勘状态："
                        + repository.find(row.id()).map(r -> r.status().zh).orElse(expected.zh) + "）"));
    }

    private InspectionSummary summary(CurrentUser user, InspectionRow row, List<Task> openTasks) {
        Application application = cases.application(row.caseId());
        Bundle bundle = catalog.bundle(application.bundleCode()).orElseThrow();
        List<String> departments = repository.departments(row.id());
        List<OpenStep> open = openTasks.stream().flatMap(t -> process.candidateGroups(t.getId()).stream()
                .map(d -> new OpenStep(t.getTaskDefinitionKey(), STEP_NAMES.getOrDefault(t.getTaskDefinitionKey(),
                        t.getName()), d, catalog.departmentName(d), user.worksIn(d) ? t.getId() : null)))
                .toList();
        return new InspectionSummary(row.id(), row.caseId(), application.caseNumber(), bundle.code(), bundle.name(),
                row.code(), bundle.inspection(row.code()).map(Bundle.InspectionSpec::name).orElse(row.code()),
                bundle.forEnterprises() ? application.applicantName() : Mask.name(application.applicantName()),
                row.status(), row.status().zh, row.round(), row.visitAt(), row.visitPlace(),
                new Department(row.leadDepartment(), catalog.departmentName(row.leadDepartment())),
                departments.stream().map(d -> new Department(d, catalog.departmentName(d))).toList(),
                deadlines.view(row.clock(), row.finishedAt(), null, List.of()), row.result(), row.rectifyBy(), open,
                bookings.view(row, departments, application));
    }

    private void checkVisitTime(String field, OffsetDateTime visitAt, List<FieldError> errors) {
        if (visitAt == null) {
            errors.add(new FieldError(field, "required", "请填写踏勘时间", "visitAt is required"));
        } else if (!visitAt.isAfter(OffsetDateTime.now(clock))) {
            errors.add(new FieldError(field, "future", "踏勘时间应晚于现在", "visitAt must be in the future"));
        } else if (!deadlines.calendar().isWorkingDay(visitAt.atZoneSameInstant(ClockConfig.BEIJING).toLocalDate())) {
            errors.add(new FieldError(field, "workingDay", "踏勘时间应在工作日（" + visitAt.atZoneSameInstant(
                    ClockConfig.BEIJING).toLocalDate() + " 不是工作日）", "visitAt must fall on a working day"));
        }
    }

    private List<String> photos(CurrentUser user, List<String> given, List<FieldError> errors) {
        List<String> photos = given == null ? List.of()
                : given.stream().filter(p -> p != null && !p.isBlank()).distinct().toList();
        if (photos.size() > MAX_PHOTOS) {
            errors.add(new FieldError("photos", "maxItems", "照片最多 " + MAX_PHOTOS + " 张",
                    "at most " + MAX_PHOTOS + " photos"));
            return photos;
        }
        Set<String> bad = Set.copyOf(materials.notOwned(user, photos, PHOTO_TYPES));
        for (int i = 0; i < photos.size(); i++) {
            if (bad.contains(photos.get(i))) {
                errors.add(new FieldError("photos[" + i + "]", "notFound", "照片不存在或不是本人上传的 JPEG、PNG、PDF 文件",
                        "photo must be the user's own upload (JPEG, PNG or PDF)"));
            }
        }
        return photos;
    }

    private static String text(String value, String field, String label, int max, boolean required,
            List<FieldError> errors) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v == null && required) {
            errors.add(new FieldError(field, "required", "请填写" + label, field + " is required"));
        } else if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "maxLength", label + "不能超过 " + max + " 字",
                    "at most " + max + " characters"));
        }
        return v;
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String visitTime(OffsetDateTime at) {
        return at.atZoneSameInstant(ClockConfig.BEIJING).format(InspectionSteps.VISIT_TIME);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("没有这个踏勘：" + id);
    }

    static List<String> issues(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(List<String> issues) {
        try {
            return JSON.writeValueAsString(issues);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
