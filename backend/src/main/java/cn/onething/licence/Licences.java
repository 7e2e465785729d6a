package cn.onething.licence;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.Application;
import cn.onething.licence.LicenceRepository.LicenceRow;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;

/**
 * Issues and revokes the licences of a case: the bundle models call {@code ${licences.issue(execution)}}
 * once the case is approved and {@code ${licences.revoke(execution)}} when a post-check finds the
 * commitment untrue. Public, as the engine's expression language needs.
 */
@Component("licences")
public class Licences {

    private static final Logger log = LoggerFactory.getLogger(Licences.class);
    /** The form field every enterprise bundle names the 统一社会信用代码 with. */
    public static final String CREDIT_CODE_FIELD = "creditCode";
    private static final String DEFAULT_REVOCATION_REASON = "事后核查发现承诺内容不实";
    private static final char[] SUFFIX_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final LicenceRepository repository;
    private final BundleCatalog catalog;
    private final CaseFileService cases;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Licences(LicenceRepository repository, BundleCatalog catalog, CaseFileService cases,
            NotificationService notifications, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.cases = cases;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Issues every licence of the case's bundle (the case is the process's business key). */
    public void issue(DelegateExecution execution) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        Bundle bundle = catalog.bundleOfProcess(processKey).orElseThrow(
                () -> new IllegalStateException("process " + processKey + " is no bundle of the catalog"));
        issueFor(execution.getProcessBusinessKey(), bundle);
    }

    /** Revokes the case's valid licences, for the reason the post-check gave (`inspectionSummary`). */
    public void revoke(DelegateExecution execution) {
        Object summary = execution.getVariable("inspectionSummary");
        String reason = summary instanceof String s && !s.isBlank() ? s.strip() : DEFAULT_REVOCATION_REASON;
        // the findings of every department may run long: the licence keeps their first 1000 characters
        revokeAll(execution.getProcessBusinessKey(),
                reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason);
    }

    /**
     * Issues the bundle's licences for the case, each once: a retried job or a model passing here again
     * finds them issued. Returns the numbers issued now.
     */
    @Transactional
    public List<String> issueFor(String caseId, Bundle bundle) {
        Application application = cases.application(caseId);
        Map<String, String> form = application.form();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate from = now.toLocalDate();
        List<String> issued = new ArrayList<>();
        for (Bundle.LicenceSpec spec : bundle.licences()) {
            if (repository.find(caseId, spec.code()).isPresent()) {
                continue;
            }
            String holderName = value(form, spec.holderField());
            LicenceRow row = new LicenceRow(number(from), spec.code(), spec.name(), caseId, bundle.code(),
                    application.applicantId(), holderName == null ? application.applicantName() : holderName,
                    value(form, CREDIT_CODE_FIELD), value(form, spec.scopeField()), spec.department(),
                    spec.supervisor(), from, from.plusYears(spec.validYears()).minusDays(1), false, null, null,
                    spec.replaces(), null, null, null, null, now);
            repository.insert(row);
            cases.addTimelineEntry(caseId, "LICENCE_ISSUED", null, catalog.departmentName(spec.department()),
                    "电子证照已签发：" + spec.name() + "（证照编号 " + row.number() + "）");
            notifications.toApplicant(application.applicantId(), Notification.Kind.LICENCE,
                    "您的" + spec.name() + "已签发，证照编号 " + row.number() + "，有效期至 " + row.validUntil()
                            + "。可在「我的证照」中查看、下载。",
                    new NotificationService.Subject(caseId, null, null));
            events.publishEvent(new LicenceEvents.Issued(row.number(), spec.name(), caseId, row.holderId(),
                    row.holderName(), row.holderCreditCode(), spec.department(), spec.supervisor(), spec.claimDays(),
                    now));
            log.info("licence {} issued for case {}", row.number(), application.caseNumber());
            issued.add(row.number());
        }
        return issued;
    }

    /** Revokes the case's valid licences; returns the numbers revoked now. */
    @Transactional
    public List<String> revokeAll(String caseId, String reason) {
        Application application = cases.application(caseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> revoked = new ArrayList<>();
        for (LicenceRow row : repository.valid(caseId)) {
            if (!repository.revoke(row.number(), now, reason)) {
                continue;
            }
            cases.addTimelineEntry(caseId, "LICENCE_REVOKED", null, catalog.departmentName(row.department()),
                    "电子证照已撤销：" + row.licenceName() + "（证照编号 " + row.number() + "）。原因：" + reason);
            notifications.toApplicant(application.applicantId(), Notification.Kind.LICENCE,
                    "您的" + row.licenceName() + "（证照编号 " + row.number() + "）已撤销。原因：" + reason,
                    new NotificationService.Subject(caseId, null, null));
            events.publishEvent(new LicenceEvents.Revoked(row.number(), row.licenceName(), caseId, row.holderId(),
                    row.holderName(), row.holderCreditCode(), reason, now));
            log.info("licence {} of case {} revoked", row.number(), application.caseNumber());
            revoked.add(row.number());
        }
        return revoked;
    }

    /** 电子证照 number: DZZZ-year-serial-random, short enough to read out, random enough not to count through. */
    private String number(LocalDate day) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_CHARS[random.nextInt(SUFFIX_CHARS.length)]);
        }
        return "DZZZ-%d-%06d-%s".formatted(day.getYear(), repository.nextSerial(), suffix);
    }

    private static String value(Map<String, String> form, String field) {
        String value = field == null ? null : form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
