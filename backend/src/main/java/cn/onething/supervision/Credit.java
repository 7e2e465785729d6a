package cn.onething.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.Application;
import cn.onething.licence.LicenceEvents;
import cn.onething.licence.LicenceService;
import cn.onething.licence.Licences;
import cn.onething.security.CurrentUser;
import cn.onething.supervision.CreditRepository.EventRow;
import cn.onething.supervision.CreditRepository.Kind;
import cn.onething.web.ForbiddenException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * 企业信用: events from inspections, supervision and revocations, graded over the last two years (see
 * CreditGrade). The bundle models call {@code ${credit.inspected(execution)}} after an inspection.
 */
@Component("credit")
public class Credit {

    /** How far back events count towards the grade. */
    static final int WINDOW_YEARS = 2;
    private static final String SYSTEM = "系统";

    private final CreditRepository repository;
    private final CaseFileService cases;
    private final LicenceService licences;
    private final BundleCatalog catalog;
    private final Clock clock;

    Credit(CreditRepository repository, CaseFileService cases, LicenceService licences, BundleCatalog catalog,
            Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.licences = licences;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Records the inspection the model just finished: `inspectionResult` (PASS | CONDITIONS | FAIL) and
     * `inspectionSummary`. A result the model did not set is its error: the job fails and shows as an incident.
     */
    public void inspected(DelegateExecution execution) {
        Object value = execution.getVariable("inspectionResult");
        SupervisionResult result = SupervisionResult.parse(value);
        if (result == null) {
            throw new IllegalStateException("process variable inspectionResult is " + value
                    + ", not PASS, CONDITIONS or FAIL");
        }
        Object summary = execution.getVariable("inspectionSummary");
        String text = summary instanceof String s ? s.strip() : null;
        // the findings of every department may run long: the event keeps their first 1000 characters
        recordInspection(execution.getProcessBusinessKey(), result,
                text != null && text.length() > 1000 ? text.substring(0, 999) + "…" : text);
    }

    /**
     * An inspection of the case's enterprise. Failing a post-check (after the licence was issued on the
     * applicant's 告知承诺) means the commitment was untrue: 记失信.
     */
    @Transactional
    public void recordInspection(String caseId, SupervisionResult result, String summary) {
        Application application = cases.application(caseId);
        Bundle bundle = catalog.bundle(application.bundleCode()).orElseThrow();
        boolean onCommitment = bundle.items().stream().anyMatch(Bundle.Item::commitment);
        boolean falseCommitment = result == SupervisionResult.FAIL && onCommitment && licences.issuedFor(caseId);
        repository.enterprise(application.applicantId(), holderName(bundle, application),
                application.form().get(Licences.CREDIT_CODE_FIELD));
        repository.insert(new EventRow(application.applicantId(), Kind.INSPECTION, result, falseCommitment,
                summary == null || summary.isEmpty() ? null : summary, caseId, null, SYSTEM, now()));
        if (falseCommitment) {
            cases.addTimelineEntry(caseId, "FALSE_COMMITMENT", null, SYSTEM,
                    "事后核查不合格，申请人承诺内容不实，已记入企业信用（失信）");
        }
    }

    /** The supervising department's result on a licence. */
    void recordSupervision(SupervisionRepository.PushRow push, SupervisionResult result, String comment,
            String officerName) {
        repository.insert(new EventRow(push.holderId(), Kind.SUPERVISION, result, false, comment, push.caseId(),
                push.licenceNumber(), officerName, now()));
    }

    @EventListener
    void licenceIssued(LicenceEvents.Issued issued) {
        repository.enterprise(issued.holderId(), issued.holderName(), issued.creditCode());
    }

    @EventListener
    void licenceRevoked(LicenceEvents.Revoked revoked) {
        repository.enterprise(revoked.holderId(), revoked.holderName(), revoked.creditCode());
        repository.insert(new EventRow(revoked.holderId(), Kind.LICENCE_REVOKED, null, false,
                revoked.reason(), revoked.caseId(), revoked.number(), SYSTEM,
                revoked.revokedAt()));
    }

    public record EventView(String kind, String result, boolean falseCommitment, String summary, String caseId,
            String licenceNumber, String recordedBy, OffsetDateTime occurredAt) {
    }

    public record EnterpriseCredit(String holderId, String name, String creditCode, CreditGrade grade,
            List<EventView> events) {
    }

    /** Enterprises with their grade and events, lowest grade first: managers and officers (read-only). */
    @Transactional(readOnly = true)
    public PageResult<EnterpriseCredit> list(CurrentUser user, CreditGrade grade, PageQuery page) {
        if (!user.isManager() && !user.isOfficer()) {
            throw new ForbiddenException("企业信用信息仅对监管部门和管理人员开放");
        }
        List<CreditRepository.Graded> graded = repository.page(since(), grade, page);
        Map<String, List<EventView>> events = repository.events(graded.stream()
                .map(CreditRepository.Graded::holderId).toList()).stream()
                .collect(Collectors.groupingBy(EventRow::holderId, Collectors.mapping(Credit::view,
                        Collectors.toList())));
        return new PageResult<>(graded.stream().map(g -> new EnterpriseCredit(g.holderId(), g.name(), g.creditCode(),
                g.grade(), events.getOrDefault(g.holderId(), List.of()))).toList(), repository.count(since(), grade));
    }

    /** An enterprise's own grade and the events behind it (no record yet: A, nothing against it). */
    @Transactional(readOnly = true)
    public EnterpriseCredit mine(CurrentUser enterprise) {
        if (!enterprise.isEnterprise()) {
            throw new ForbiddenException("仅企业账号可查看本企业信用");
        }
        List<EventView> events = repository.events(List.of(enterprise.id())).stream().map(Credit::view).toList();
        return new EnterpriseCredit(enterprise.id(), enterprise.name(), enterprise.profile().get("credit_code"),
                grades(List.of(enterprise.id())).get(enterprise.id()), events);
    }

    /** The grades of these holders; one without a record is A (nothing against it). */
    @Transactional(readOnly = true)
    public Map<String, CreditGrade> grades(Collection<String> holderIds) {
        Map<String, CreditGrade> known = repository.grades(holderIds, since());
        return holderIds.stream().collect(Collectors.toMap(id -> id, id -> known.getOrDefault(id, CreditGrade.A),
                (a, b) -> a));
    }

    private static EventView view(EventRow e) {
        return new EventView(e.kind().name(), e.result() == null ? null : e.result().name(), e.falseCommitment(),
                e.summary(), e.caseId(), e.licenceNumber(), e.recordedBy(), e.occurredAt());
    }

    /** The enterprise as its licences name it (the holder field), else the applicant. */
    private static String holderName(Bundle bundle, Application application) {
        return bundle.licences().stream().map(Bundle.LicenceSpec::holderField).filter(Objects::nonNull)
                .map(application.form()::get).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElse(application.applicantName());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private OffsetDateTime since() {
        return now().minusYears(WINDOW_YEARS);
    }
}
