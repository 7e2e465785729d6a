package cn.onething.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import cn.onething.ClockConfig;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.inspection.InspectionRepository.FindingRow;
import cn.onething.inspection.InspectionRepository.InspectionRow;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.timelimit.Deadline;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.WorkingClock;

/**
 * The steps of bpmn/joint-inspection.bpmn that are the platform's (bean {@code inspections}): it opens the
 * inspection record, gives the tasks their deadlines and departments, fixes the visit and combines the
 * findings. The model routes; this records. Public because the engine's expressions call it.
 */
@Component("inspections")
public class InspectionSteps {

    static final String RESULT = "inspectionResult";
    static final String SUMMARY = "inspectionSummary";
    static final String LEAD = "leadDepartment";
    private static final String SYSTEM = "系统";
    static final DateTimeFormatter VISIT_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final InspectionRepository repository;
    private final BundleCatalog catalog;
    private final CaseFileService cases;
    private final NotificationService notifications;
    private final Deadlines deadlines;
    private final Clock clock;

    InspectionSteps(InspectionRepository repository, BundleCatalog catalog, CaseFileService cases,
            NotificationService notifications, Deadlines deadlines, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.cases = cases;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Opens the record of the inspection the calling activity stands for (its id is the inspection's code). */
    public void open(DelegateExecution execution) {
        ExecutionEntity caller = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution();
        if (caller == null) {
            throw new IllegalStateException("jointInspection runs only as a call activity of a bundle's process");
        }
        String processKey = caller.getProcessDefinition().getKey();
        Bundle bundle = catalog.bundleOfProcess(processKey).orElseThrow(
                () -> new IllegalStateException("process " + processKey + " is no bundle of the catalog"));
        Bundle.InspectionSpec spec = bundle.inspection(caller.getActivityId()).orElseThrow(
                () -> new IllegalStateException("call activity " + caller.getActivityId() + " of " + processKey
                        + " is no inspection of bundle " + bundle.code()));
        String caseId = execution.getProcessBusinessKey();
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingClock limit = WorkingClock.start(spec.limitDays(), now.toLocalDate());
        InspectionRow row = new InspectionRow(UUID.randomUUID().toString(), caseId, spec.code(),
                execution.getProcessInstanceId(), spec.leadDepartment(), InspectionStatus.SCHEDULING, 1, 0, null,
                null, null, null, null, null, null, limit, now, null, null, null);
        repository.insert(row, spec.departments());
        execution.setVariable(LEAD, spec.leadDepartment());
        Deadline due = limit.deadline(deadlines.calendar());
        cases.addTimelineEntry(caseId, "INSPECTION_STARTED", spec.code(), SYSTEM, spec.name() + "：由"
                + catalog.departmentName(spec.leadDepartment()) + "牵头，" + departmentNames(spec.departments())
                + "参加，须在 " + spec.limitDays() + " 个工作日内完成（至 " + due.date()
                + (due.provisional() ? "，暂定" : "") + "）");
    }

    /** The participants other than the lead: each confirms the proposed time (the confirmVisit instances). */
    public List<String> otherDepartments(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        return repository.departments(row.id()).stream().filter(d -> !d.equals(row.leadDepartment())).toList();
    }

    /** Who records findings this round: everyone at the visit, then only those who set conditions. */
    public List<String> findingDepartments(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        if (row.round() == 1) {
            return repository.departments(row.id());
        }
        return latestFindings(row.id()).values().stream().filter(f -> f.result() == FindingResult.CONDITIONS)
                .map(FindingRow::department).toList();
    }

    public Date due(DelegateExecution execution) {
        return Date.from(deadlines.dueAt(deadline(execution).date()));
    }

    public Date warnAt(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        return Date.from(deadlines.warnAt(row.clock().deadline(deadlines.calendar()).date(), row.clock().limitDays()));
    }

    public Date overdueAt(DelegateExecution execution) {
        return Date.from(deadlines.overdueAt(deadline(execution).date()));
    }

    public boolean allConfirmed(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        List<String> others = otherDepartments(execution);
        return repository.answers(row.id()).stream()
                .filter(a -> a.proposalNo() == row.proposalNo()
                        && a.kind() == InspectionRepository.AnswerKind.CONFIRMED)
                .map(InspectionRepository.AnswerRow::department).collect(Collectors.toSet()).containsAll(others);
    }

    /** Every department confirmed: the visit is fixed and the enterprise is told once (最多跑一次). */
    public void fixVisit(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        repository.updateStatus(row.id(), InspectionStatus.FIXED);
        String name = name(row);
        String when = row.visitAt().atZoneSameInstant(ClockConfig.BEIJING).format(VISIT_TIME);
        String departments = departmentNames(repository.departments(row.id()));
        cases.addTimelineEntry(row.caseId(), "INSPECTION_FIXED", row.code(), SYSTEM,
                name + "：踏勘时间已确定为 " + when + "，地点：" + row.visitPlace() + "，" + departments + "一次到场");
        tellApplicant(row, "【踏勘通知】您的办件" + caseNumber(row) + "的" + name + "定于 " + when + " 在 " + row.visitPlace()
                + " 进行，" + departments + "将一次到场联合踏勘，请届时安排人员在场。");
    }

    /**
     * Combines the departments' latest findings: all pass → pass; any fail → fail with every department's
     * reasons listed together; otherwise conditions, with a deadline for the enterprise to put them right.
     */
    public void combine(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        Bundle.InspectionSpec spec = spec(row);
        Map<String, FindingRow> latest = latestFindings(row.id());
        FindingResult result = FindingResult.combine(latest.values().stream().map(FindingRow::result).toList());
        String summary = latest.values().stream().filter(f -> f.result() != FindingResult.PASS)
                .map(f -> catalog.departmentName(f.department()) + "（" + f.result().zh + "）："
                        + String.join("；", InspectionService.issues(f.issues()))
                        + (f.comment() == null ? "" : "。" + f.comment()))
                .collect(Collectors.joining("\n"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        String name = name(row);
        execution.setVariable(RESULT, result.name());
        execution.setVariable(SUMMARY, summary);
        if (result == FindingResult.CONDITIONS) {
            Deadline rectifyBy = deadlines.calendar().deadline(today, spec.rectifyDays());
            repository.conclude(row.id(), InspectionStatus.RECTIFYING, result, summary, rectifyBy.date(),
                    row.clock().stop(deadlines.calendar(), today), null);
            cases.addTimelineEntry(row.caseId(), "INSPECTION_CONDITIONS", row.code(), SYSTEM, name
                    + "：有条件通过，请企业于 " + rectifyBy.date() + " 前完成整改（踏勘计时暂停）。整改要求：\n" + summary);
            tellApplicant(row, "【限期整改】您的办件" + caseNumber(row) + "的" + name + "为有条件通过，请于 " + rectifyBy.date()
                    + " 前按以下要求整改并在办件页面提交整改情况，逾期视为不通过：\n" + summary);
            return;
        }
        InspectionStatus status = result == FindingResult.PASS ? InspectionStatus.PASSED : InspectionStatus.FAILED;
        repository.conclude(row.id(), status, result, summary, row.rectifyBy(), row.clock(), now);
        String text = result == FindingResult.PASS ? name + "：各部门均通过" : name + "：不通过。理由：\n" + summary;
        cases.addTimelineEntry(row.caseId(), "INSPECTION_" + status.name(), row.code(), SYSTEM, text);
        tellApplicant(row, "【踏勘结论】您的办件" + caseNumber(row) + "的" + text);
    }

    public Date rectifyOverdueAt(DelegateExecution execution) {
        return Date.from(deadlines.overdueAt(inspection(execution).rectifyBy()));
    }

    /** The enterprise let the rectification deadline pass: the inspection fails on the conditions set. */
    public void rectificationMissed(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        String summary = "企业未在 " + row.rectifyBy() + " 前完成整改。未整改事项：\n" + row.summary();
        execution.setVariable(RESULT, FindingResult.FAIL.name());
        execution.setVariable(SUMMARY, summary);
        repository.conclude(row.id(), InspectionStatus.FAILED, FindingResult.FAIL, summary, row.rectifyBy(),
                row.clock(), OffsetDateTime.now(clock));
        cases.addTimelineEntry(row.caseId(), "INSPECTION_FAILED", row.code(), SYSTEM, name(row) + "：逾期未整改，不通过");
        tellApplicant(row, "【踏勘结论】您的办件" + caseNumber(row) + "的" + name(row) + "：逾期未整改，不通过。");
    }

    /** The enterprise reported the rectification: the clock runs again and the departments concerned re-check. */
    public void startRecheck(DelegateExecution execution) {
        InspectionRow row = inspection(execution);
        repository.startRound(row.id(), row.round() + 1, row.clock().resume(LocalDate.now(clock)));
    }

    // ---- helpers shared with the service ----

    InspectionRow inspection(DelegateExecution execution) {
        return repository.byProcessInstance(execution.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("no inspection record for process " + execution.getProcessInstanceId()));
    }

    Bundle.InspectionSpec spec(InspectionRow row) {
        Bundle bundle = catalog.bundle(cases.application(row.caseId()).bundleCode()).orElseThrow();
        return bundle.inspection(row.code()).orElseThrow();
    }

    String name(InspectionRow row) {
        return spec(row).name();
    }

    /** Each department's latest finding (re-checks replace the conditions they clear). */
    Map<String, FindingRow> latestFindings(String inspectionId) {
        Map<String, FindingRow> latest = new LinkedHashMap<>();
        repository.findings(inspectionId).forEach(f -> latest.put(f.department(), f));
        return latest;
    }

    String departmentNames(List<String> departments) {
        return departments.stream().map(catalog::departmentName).collect(Collectors.joining("、"));
    }

    private Deadline deadline(DelegateExecution execution) {
        return inspection(execution).clock().deadline(deadlines.calendar());
    }

    String caseNumber(InspectionRow row) {
        return " " + cases.application(row.caseId()).caseNumber() + " ";
    }

    void tellApplicant(InspectionRow row, String message) {
        CaseFileService.Application application = cases.application(row.caseId());
        notifications.toApplicant(application.applicantId(), Notification.Kind.INSPECTION, message,
                new NotificationService.Subject(row.caseId(), row.code(), null));
    }
}
