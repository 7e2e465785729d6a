package cn.onething.licence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.HeldLicences;
import cn.onething.licence.LicenceRepository.LicenceRow;
import cn.onething.licence.LicenceRepository.Scope;
import cn.onething.licence.LicenceViews.LicenceView;
import cn.onething.licence.LicenceViews.Supervision;
import cn.onething.licence.LicenceViews.Verification;
import cn.onething.security.CurrentUser;
import cn.onething.web.Mask;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * Electronic licences (电子证照) as their holders, the departments and the public see them. Depends on no
 * other feature's service, so that the case file may ask it which licences an applicant holds.
 */
@Service
public class LicenceService implements HeldLicences {

    private final LicenceRepository repository;
    private final BundleCatalog catalog;
    private final LicencePdf pdf;
    private final Clock clock;

    LicenceService(LicenceRepository repository, BundleCatalog catalog, LicencePdf pdf, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The holder's own (enterprise, citizen); issued or supervised by their departments (officer); all (manager). */
    @Transactional(readOnly = true)
    public PageResult<LicenceView> list(CurrentUser user, LicenceStatus status, String caseId, PageQuery page) {
        Scope scope = user.isManager() ? new Scope(true, List.of(), null, caseId)
                : user.isOfficer() ? new Scope(false, user.departments(), null, caseId)
                : new Scope(false, List.of(), user.id(), caseId);
        if (!scope.all() && scope.holderId() == null && scope.departments().isEmpty()) {
            return new PageResult<>(List.of(), 0);
        }
        LocalDate today = today();
        return new PageResult<>(repository.page(scope, status, today, page).stream().map(r -> view(r, user)).toList(),
                repository.count(scope, status, today));
    }

    @Transactional(readOnly = true)
    public LicenceView detail(CurrentUser user, String number) {
        return view(visible(user, number), user);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(CurrentUser user, String number) {
        return pdf.render(view(visible(user, number), user));
    }

    /** What anyone who scans the QR code may know: no holder, only whether the licence holds. */
    @Transactional(readOnly = true)
    public Verification verify(String number) {
        LicenceRow r = repository.find(number).orElseThrow(() -> notFound(number));
        LicenceStatus status = r.status(today());
        String message = switch (status) {
            case VALID -> "该证照真实有效，有效期至 " + r.validUntil();
            case EXPIRED -> "该证照已于 " + r.validUntil() + " 到期，不再有效";
            case REVOKED -> "该证照已于 " + r.revokedAt().atZoneSameInstant(ClockConfig.BEIJING).toLocalDate()
                    + " 撤销，不再有效";
        };
        return new Verification(r.number(), r.licenceName(), catalog.departmentName(r.department()), status,
                r.validFrom(), r.validUntil(), message);
    }

    /** The number of a valid licence of this kind the holder has: a material it proves need not be filed again. */
    @Transactional(readOnly = true)
    @Override
    public Optional<String> heldLicence(String holderId, String licenceCode) {
        return repository.held(holderId, licenceCode, today());
    }

    /** Whether the case has had licences issued (valid or not): an inspection after that is a post-check. */
    @Transactional(readOnly = true)
    public boolean issuedFor(String caseId) {
        return repository.issuedFor(caseId);
    }

    /** An enterprise (or person) holding valid licences, as the 双随机 draw needs it. */
    public record Holder(String holderId, String name, String creditCode) {
    }

    /** The holders of licences valid today, of those supervised by the department (all when null). */
    @Transactional(readOnly = true)
    public List<Holder> validHolders(String supervisor) {
        return repository.validHolders(supervisor, today()).stream()
                .map(h -> new Holder(h.holderId(), h.name(), h.creditCode())).toList();
    }

    /** Writes the supervising department's result onto the licence (审管联动). */
    @Transactional
    public void recordSupervision(String number, String result, String comment, String officerName) {
        repository.supervised(number, result, comment, officerName, OffsetDateTime.now(clock));
    }

    private LicenceRow visible(CurrentUser user, String number) {
        return repository.find(number).filter(r -> user.isManager() || r.holderId().equals(user.id())
                || user.isOfficer() && (user.worksIn(r.department()) || r.supervisor() != null
                        && user.worksIn(r.supervisor())))
                .orElseThrow(() -> notFound(number));
    }

    private LicenceView view(LicenceRow r, CurrentUser user) {
        // an enterprise's name is public (企业信息公示); a person holder's is masked for anyone but them
        boolean personal = catalog.bundle(r.bundleCode()).map(b -> !b.forEnterprises()).orElse(false);
        String holderName = personal && !user.id().equals(r.holderId()) ? Mask.name(r.holderName())
                : r.holderName();
        Supervision supervision = r.supervisionResult() == null ? null
                : new Supervision(r.supervisionResult(), r.supervisionComment(), r.supervisedBy(), r.supervisedAt());
        return new LicenceView(r.number(), r.licenceCode(), r.licenceName(), r.caseId(), r.bundleCode(), holderName,
                r.holderCreditCode(), r.scope(), r.department(), catalog.departmentName(r.department()),
                r.supervisor(), r.supervisor() == null ? null : catalog.departmentName(r.supervisor()), r.validFrom(),
                r.validUntil(), r.status(today()), r.revokedAt(), r.revokedReason(), r.replaces(), supervision,
                r.issuedAt());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NotFoundException notFound(String number) {
        return new NotFoundException("没有这个证照：" + number);
    }
}
