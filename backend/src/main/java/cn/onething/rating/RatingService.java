package cn.onething.rating;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.RatingSubject;
import cn.onething.casefile.CaseViews.TaskCase;
import cn.onething.casefile.ItemStatus;
import cn.onething.notification.Notification;
import cn.onething.notification.NotificationService;
import cn.onething.rating.RatingRepository.RatingRow;
import cn.onething.rating.RatingViews.Channel;
import cn.onething.rating.RatingViews.RatingView;
import cn.onething.rating.RatingViews.Rectification;
import cn.onething.rating.RatingViews.RectificationStatus;
import cn.onething.rating.RatingViews.Step;
import cn.onething.security.CurrentUser;
import cn.onething.timelimit.Deadlines;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/**
 * 好差评: the applicant rates each decided item and the ended case, a supervisor may rate an item; every
 * bad rating starts its rectification at once.
 */
@Service
public class RatingService {

    static final String CASE_SUBJECT = "case";

    private final RatingRepository ratings;
    private final CaseFileService cases;
    private final BundleCatalog catalog;
    private final RectificationProcess process;
    private final NotificationService notifications;
    private final Deadlines deadlines;
    private final RatingProperties properties;
    private final Clock clock;

    RatingService(RatingRepository ratings, CaseFileService cases, BundleCatalog catalog, RectificationProcess process,
            NotificationService notifications, Deadlines deadlines, RatingProperties properties, Clock clock) {
        this.ratings = ratings;
        this.cases = cases;
        this.catalog = catalog;
        this.process = process;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    record Rate(String itemCode, Integer level, BadReason reason, String comment) {
    }

    record Rated(RatingView rating, boolean created) {
    }

    @Transactional
    public Rated rate(CurrentUser user, String caseId, Rate request) {
        String itemCode = request.itemCode() == null || request.itemCode().isBlank() ? null : request.itemCode();
        RatingSubject subject = cases.ratingSubject(user, caseId, itemCode);
        Channel channel = channel(user, subject);
        String comment = check(request);
        if (channel == Channel.CASE && !subject.caseEnded()) {
            throw new ConflictException("办件尚未办结，办结后才能评价本次办件");
        }
        if (channel != Channel.CASE && subject.itemStatus() != ItemStatus.APPROVED
                && subject.itemStatus() != ItemStatus.REJECTED) {
            throw new ConflictException(subject.itemName() + "尚未办结，办结后才能评价");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String subjectCode = itemCode == null ? CASE_SUBJECT : itemCode;
        var existing = ratings.find(caseId, subjectCode, channel, user.id());
        String id;
        if (existing.isPresent()) {
            RatingRow old = existing.get();
            if (now.isAfter(changeableUntil(old))) {
                throw new ConflictException("评价已超过 " + properties.changeHours() + " 小时，不能再修改");
            }
            id = old.id();
            ratings.change(id, request.level(), request.reason(), comment, now);
            ratings.addEvent(id, now, "CHANGED", user.name(), "评价修改为「" + RatingLevel.label(request.level()) + "」"
                    + reasonText(request.reason(), comment));
        } else {
            id = UUID.randomUUID().toString();
            try {
                ratings.insert(new RatingRow(id, caseId, subjectCode, itemCode, channel, subject.bundleCode(),
                        subject.department(), subject.decidedBy(), user.id(), request.level(),
                        RatingLevel.bad(request.level()), request.reason(), comment, now, now, null, null, null));
            } catch (DuplicateKeyException e) {
                throw new ConflictException("已经评价过了，请刷新后修改");
            }
            ratings.addEvent(id, now, "RATED", user.name(), "评价「" + RatingLevel.label(request.level()) + "」"
                    + reasonText(request.reason(), comment));
        }
        RatingRow row = ratings.find(id).orElseThrow();
        if (row.bad() && row.status() == null) {
            startRectification(row, subject, now);
        }
        return new Rated(view(ratings.find(id).orElseThrow(), user), existing.isEmpty());
    }

    private void startRectification(RatingRow row, RatingSubject subject, OffsetDateTime now) {
        ratings.status(row.id(), RectificationStatus.VERIFYING);
        process.start(row.id(), row.department(), properties);
        String what = subject.itemName() == null ? subject.bundleName() : subject.itemName();
        ratings.addEvent(row.id(), now, "RECTIFICATION_STARTED", "系统",
                "差评已转" + catalog.departmentName(row.department()) + "负责人核实（1 个工作日内）");
        notifications.toLeads(row.department(), Notification.Kind.RECTIFICATION,
                "【差评待核实】办件 " + subject.caseNumber() + " 的「" + what + "」收到差评（"
                        + RatingLevel.label(row.level()) + "），请在 1 个工作日内核实。",
                new NotificationService.Subject(row.caseId(), row.itemCode(), null));
    }

    private static Channel channel(CurrentUser user, RatingSubject subject) {
        if (user.id().equals(subject.applicantId())) {
            return subject.itemCode() == null ? Channel.CASE : Channel.ITEM;
        }
        boolean supervisor = user.isManager() || user.isLead() && user.worksIn(subject.department());
        if (supervisor && subject.itemCode() != null) {
            return Channel.SUPERVISOR;
        }
        throw new NotFoundException("没有这个办件：" + subject.caseId());
    }

    private static String check(Rate request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.level() == null || request.level() < 1 || request.level() > 5) {
            errors.add(new FieldError("level", "range", "请选择 1 到 5 级评价", "level must be 1 to 5"));
        } else if (RatingLevel.bad(request.level()) && request.reason() == null) {
            errors.add(new FieldError("reason", "required", "差评须选择原因", "a bad rating needs a reason"));
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > 500) {
            errors.add(new FieldError("comment", "maxLength", "评价内容不能超过 500 字", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return comment;
    }

    private static String reasonText(BadReason reason, String comment) {
        return (reason == null ? "" : "，原因：" + reason.label) + (comment == null ? "" : "。" + comment);
    }

    @Transactional(readOnly = true)
    public List<RatingView> ofCase(CurrentUser user, String caseId) {
        RatingSubject subject = cases.ratingSubject(user, caseId, null);
        return ratings.ofCase(caseId).stream()
                .filter(r -> user.isManager() || r.raterId().equals(user.id())
                        || !user.id().equals(subject.applicantId()) && user.worksIn(r.department()))
                .map(r -> view(r, user)).toList();
    }

    @Transactional(readOnly = true)
    public RatingView detail(CurrentUser user, String ratingId) {
        return view(visible(user, ratingId), user);
    }

    /** A rating its rater, the managers and the rated department see; to others it does not exist. */
    RatingRow visible(CurrentUser user, String ratingId) {
        return ratings.find(ratingId)
                .filter(r -> user.isManager() || r.raterId().equals(user.id()) || user.worksIn(r.department()))
                .orElseThrow(() -> new NotFoundException("没有这个评价：" + ratingId));
    }

    /** The rating as `viewer` sees it: `mine` tells whether they gave it. */
    RatingView view(RatingRow r, CurrentUser viewer) {
        RatingSubject subject = cases.ratingSubject(r.caseId(), r.itemCode());
        Rectification rectification = r.status() == null ? null
                : new Rectification(r.status(), step(r), r.appealableUntil(), r.outcome(), ratings.events(r.id()));
        return new RatingView(r.id(), r.caseId(), subject.caseNumber(), r.bundleCode(), subject.bundleName(),
                r.itemCode(), subject.itemName(), r.channel(), r.department(), catalog.departmentName(r.department()),
                r.officer(), r.level(), RatingLevel.label(r.level()), r.bad(), r.reason(),
                r.reason() == null ? null : r.reason().label, r.comment(), r.ratedAt(), r.updatedAt(),
                changeableUntil(r), r.raterId().equals(viewer.id()), rectification);
    }

    List<RatingView> views(List<String> ids, CurrentUser viewer) {
        Map<String, RatingRow> rows = ratings.byIds(ids).stream()
                .collect(Collectors.toMap(RatingRow::id, Function.identity()));
        return ids.stream().filter(rows::containsKey).map(id -> view(rows.get(id), viewer)).toList();
    }

    /** A rectification step in a department's inbox: the rating it belongs to and the case behind it. */
    public record RectificationTask(String ratingId, TaskCase taskCase) {
    }

    /** For the inbox: those of the tasks that are rectification steps, by task id. */
    @Transactional(readOnly = true)
    public Map<String, RectificationTask> rectificationTasks(List<Task> tasks) {
        Map<String, String> ratingOfTask = process.ratingsOf(tasks);
        Map<String, RatingRow> rows = ratings.byIds(Set.copyOf(ratingOfTask.values())).stream()
                .collect(Collectors.toMap(RatingRow::id, Function.identity()));
        Map<String, RectificationTask> found = new HashMap<>();
        ratingOfTask.forEach((taskId, ratingId) -> {
            RatingRow r = rows.get(ratingId);
            if (r != null) {
                RatingSubject s = cases.ratingSubject(r.caseId(), r.itemCode());
                found.put(taskId, new RectificationTask(ratingId, new TaskCase(taskId, r.caseId(), s.caseNumber(),
                        r.bundleCode(), s.bundleName(), r.itemCode(), r.department(), null)));
            }
        });
        return found;
    }

    private Step step(RatingRow r) {
        return process.openTask(r.id()).map(t -> {
            var due = t.getDueDate() == null ? null
                    : t.getDueDate().toInstant().atZone(cn.onething.ClockConfig.BEIJING).toLocalDate();
            return new Step(t.getTaskDefinitionKey(), t.getName(), due, deadlines.light(t.getDueDate(),
                    t.getFollowUpDate()));
        }).orElse(r.status() == RectificationStatus.CALLBACK ? new Step("callback", "回访", null, null) : null);
    }

    private OffsetDateTime changeableUntil(RatingRow r) {
        return r.ratedAt().plusHours(properties.changeHours());
    }
}
