package cn.onething.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.licence.LicenceEvents;
import cn.onething.licence.LicenceService;
import cn.onething.security.CurrentUser;
import cn.onething.supervision.SupervisionRepository.PushRow;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.Light;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * 审管联动: every licence with a supervisor is pushed to that department, which claims it within its
 * working-day limit (认领), supervises the holder and reports the result onto the licence and the holder's credit.
 */
@Service
public class SupervisionService {

    private final SupervisionRepository repository;
    private final LicenceService licences;
    private final Credit credit;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final Deadlines deadlines;
    private final Clock clock;

    SupervisionService(SupervisionRepository repository, LicenceService licences, Credit credit,
            CaseFileService cases, BundleCatalog catalog, Deadlines deadlines, Clock clock) {
        this.repository = repository;
        this.licences = licences;
        this.credit = credit;
        this.cases = cases;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** In the transaction that issued the licence: the push and the licence exist together or not at all. */
    @EventListener
    void licenceIssued(LicenceEvents.Issued issued) {
        if (issued.supervisor() == null) {
            return;
        }
        LocalDate due = deadlines.calendar().deadline(
                issued.issuedAt().atZoneSameInstant(ClockConfig.BEIJING).toLocalDate(), issued.claimDays()).date();
        repository.insert(new PushRow(UUID.randomUUID().toString(), issued.number(), issued.licenceName(),
                issued.holderId(), issued.holderName(), issued.creditCode(), issued.caseId(), issued.supervisor(),
                issued.claimDays(), due, PushStatus.PENDING, issued.issuedAt(), null, null, null, null, null, null,
                null));
    }

    public record PushView(String id, String licenceNumber, String licenceName, String holderName, String creditCode,
            String caseId, String department, String departmentName, OffsetDateTime pushedAt, int claimDays,
            LocalDate claimDue, Light light, Integer remainingDays, PushStatus status, String claimedBy,
            OffsetDateTime claimedAt, boolean claimedByMe, String result, String comment, OffsetDateTime reportedAt,
            OffsetDateTime escalatedAt) {
    }

    /** The departments' pushes for their officers, all for managers; most urgent claim first by default. */
    @Transactional(readOnly = true)
    public PageResult<PushView> queue(CurrentUser user, PushStatus status, PageQuery page) {
        if (!user.isManager() && !user.isOfficer()) {
            throw new ForbiddenException("监管推送仅对监管部门工作人员和管理人员开放");
        }
        List<String> departments = user.isManager() ? null : new ArrayList<>(user.departments());
        if (departments != null && departments.isEmpty()) {
            return new PageResult<>(List.of(), 0);
        }
        return new PageResult<>(repository.page(departments, status, page).stream().map(p -> view(p, user)).toList(),
                repository.count(departments, status));
    }

    @Transactional
    public PushView claim(CurrentUser user, String id) {
        PushRow push = actionable(user, id);
        if (!repository.claim(id, user.username(), user.name(), OffsetDateTime.now(clock))) {
            throw new ConflictException(push.status() == PushStatus.PENDING ? "该推送已由他人认领"
                    : "该推送已由 " + push.claimedByName() + " 认领");
        }
        cases.addTimelineEntry(push.caseId(), "SUPERVISION_CLAIMED", null, user.name(),
                "审管联动：" + catalog.departmentName(push.department()) + "已认领" + push.licenceName() + "的事中事后监管");
        return view(repository.find(id).orElseThrow(), user);
    }

    @Transactional
    public PushView report(CurrentUser user, String id, String resultName, String comment) {
        PushRow push = actionable(user, id);
        String note = comment == null ? "" : comment.strip();
        SupervisionResult result = SupervisionResult.parse(resultName);
        List<FieldError> errors = new ArrayList<>();
        if (result == null) {
            errors.add(new FieldError("result", "oneOf", "请选择监管结果：合格（PASS）、限期整改（CONDITIONS）或不合格（FAIL）",
                    "result must be PASS, CONDITIONS or FAIL"));
        } else if (result != SupervisionResult.PASS && note.isEmpty()) {
            errors.add(new FieldError("comment", "required", "限期整改或不合格须写明发现的问题",
                    "conditions or a failure need a comment"));
        }
        if (note.length() > 1000) {
            errors.add(new FieldError("comment", "maxLength", "意见不能超过 1000 字", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        switch (push.status()) {
            case PENDING -> throw new ConflictException("请先认领该推送，再报告监管结果");
            case DONE -> throw new ConflictException("该推送的监管结果已经报告");
            case CLAIMED -> {
                if (!user.username().equals(push.claimedBy())) {
                    throw new ForbiddenException("该推送由 " + push.claimedByName() + " 认领，只有认领人可以报告结果");
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String remark = note.isEmpty() ? null : note;
        if (!repository.report(id, user.username(), result.name(), remark, now)) {
            throw new ConflictException("该推送的监管结果已经报告");
        }
        licences.recordSupervision(push.licenceNumber(), result.name(), remark, user.name());
        credit.recordSupervision(push, result, remark, user.name());
        cases.addTimelineEntry(push.caseId(), "SUPERVISION_REPORTED", null, user.name(),
                "审管联动：" + catalog.departmentName(push.department()) + "监管结果为" + result.label()
                        + (remark == null ? "" : "。意见：" + remark));
        return view(repository.find(id).orElseThrow(), user);
    }

    /** A push the user may act on: 404 outside their departments, 403 for a manager who only watches. */
    private PushRow actionable(CurrentUser user, String id) {
        PushRow push = repository.find(id).filter(p -> user.isManager() || user.worksIn(p.department()))
                .orElseThrow(() -> new NotFoundException("没有这条监管推送：" + id));
        if (!user.isOfficer() || !user.worksIn(push.department())) {
            throw new ForbiddenException("只有" + catalog.departmentName(push.department()) + "的工作人员可以办理该推送");
        }
        return push;
    }

    /** `claimedByMe`: whether the viewer claimed it, and so reports on it. */
    private PushView view(PushRow p, CurrentUser viewer) {
        boolean waiting = p.status() == PushStatus.PENDING;
        Light light = waiting ? deadlines.light(Date.from(deadlines.dueAt(p.claimDue())),
                Date.from(deadlines.warnAt(p.claimDue(), p.claimDays()))) : null;
        return new PushView(p.id(), p.licenceNumber(), p.licenceName(), p.holderName(), p.creditCode(), p.caseId(),
                p.department(), catalog.departmentName(p.department()), p.pushedAt(), p.claimDays(), p.claimDue(),
                light, waiting ? deadlines.remaining(p.claimDue()) : null, p.status(), p.claimedByName(),
                p.claimedAt(), viewer.username().equals(p.claimedBy()), p.result(), p.comment(), p.reportedAt(),
                p.escalatedAt());
    }
}
