package cn.onething.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.BundleCatalog;
import cn.onething.licence.LicenceService;
import cn.onething.security.CurrentUser;
import cn.onething.supervision.DrawRepository.Candidate;
import cn.onething.supervision.DrawRepository.DrawRow;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * 双随机、一公开: a manager draws enterprises for inspection among the holders of valid licences, lower
 * credit grades more often. Each draw is stored with its seed and population, so anyone can replay it.
 */
@Service
class DrawService {

    /** The largest integer a browser keeps exact: a seed the UI shows must be retyped as it was. */
    static final long MAX_SEED = (1L << 53) - 1;

    private final DrawRepository repository;
    private final LicenceService licences;
    private final Credit credit;
    private final BundleCatalog catalog;
    private final SupervisionProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DrawService(DrawRepository repository, LicenceService licences, Credit credit, BundleCatalog catalog,
            SupervisionProperties properties, Clock clock) {
        this.repository = repository;
        this.licences = licences;
        this.credit = credit;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    record DrawRequest(Integer count, Long seed, String department) {
    }

    record DrawView(String id, String drawnBy, OffsetDateTime drawnAt, long seed, String department,
            String departmentName, int count, List<Candidate> population, List<Candidate> drawn) {
    }

    record Replay(String id, boolean matches, List<String> drawn, List<String> replayed) {
    }

    @Transactional
    public DrawView draw(CurrentUser user, DrawRequest request) {
        managerOnly(user);
        List<FieldError> errors = new ArrayList<>();
        if (request.count() == null) {
            errors.add(new FieldError("count", "required", "请填写抽取数量", "count is required"));
        } else if (request.count() < 1) {
            errors.add(new FieldError("count", "min", "抽取数量至少为 1", "count must be at least 1"));
        }
        if (request.seed() != null && (request.seed() < 0 || request.seed() > MAX_SEED)) {
            errors.add(new FieldError("seed", "range", "随机种子应在 0 到 " + MAX_SEED + " 之间",
                    "seed must be between 0 and " + MAX_SEED));
        }
        String department = request.department() == null || request.department().isBlank() ? null
                : request.department().strip();
        if (department != null && catalog.departments().stream().noneMatch(d -> d.code().equals(department))) {
            errors.add(new FieldError("department", "oneOf", "没有这个部门：" + department, "unknown department"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<LicenceService.Holder> holders = licences.validHolders(department);
        if (request.count() > holders.size()) {
            throw new InvalidRequestException(new FieldError("count", "max",
                    "抽取数量不能超过可抽取的企业数（" + holders.size() + " 家持有有效证照）",
                    "count exceeds the " + holders.size() + " holders of valid licences"));
        }
        Map<String, CreditGrade> grades = credit.grades(holders.stream().map(LicenceService.Holder::holderId).toList());
        List<Candidate> population = holders.stream().map(h -> {
            CreditGrade grade = grades.get(h.holderId());
            return new Candidate(h.holderId(), h.name(), h.creditCode(), grade, properties.weight(grade));
        }).toList();
        long seed = request.seed() != null ? request.seed() : random.nextLong() & MAX_SEED;
        DrawRow row = new DrawRow(UUID.randomUUID().toString(), user.name(), OffsetDateTime.now(clock), seed,
                department, request.count(), population, drawn(population, request.count(), seed));
        repository.insert(row);
        return view(row);
    }

    @Transactional(readOnly = true)
    public PageResult<DrawView> list(CurrentUser user, PageQuery page) {
        managerOnly(user);
        return new PageResult<>(repository.page(page).stream().map(this::view).toList(), repository.count());
    }

    @Transactional(readOnly = true)
    public DrawView detail(CurrentUser user, String id) {
        managerOnly(user);
        return view(find(id));
    }

    /** Draws again from the stored population and seed: the same result shows the draw was not altered. */
    @Transactional(readOnly = true)
    public Replay replay(CurrentUser user, String id) {
        managerOnly(user);
        DrawRow row = find(id);
        List<String> replayed = drawn(row.population(), row.count(), row.seed());
        return new Replay(row.id(), replayed.equals(row.drawn()), row.drawn(), replayed);
    }

    private static List<String> drawn(List<Candidate> population, int count, long seed) {
        return Draw.pick(population.stream().map(Candidate::weight).toList(), count, seed).stream()
                .map(i -> population.get(i).holderId()).toList();
    }

    private DrawRow find(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("没有这次抽查记录：" + id));
    }

    private DrawView view(DrawRow row) {
        Map<String, Candidate> byId = row.population().stream()
                .collect(Collectors.toMap(Candidate::holderId, Function.identity()));
        return new DrawView(row.id(), row.drawnBy(), row.drawnAt(), row.seed(), row.department(),
                row.department() == null ? null : catalog.departmentName(row.department()), row.count(),
                row.population(), row.drawn().stream().map(byId::get).toList());
    }

    private static void managerOnly(CurrentUser user) {
        if (!user.isManager()) {
            throw new ForbiddenException("双随机抽查仅限管理人员操作");
        }
    }
}
