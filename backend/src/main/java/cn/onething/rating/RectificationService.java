package cn.onething.rating;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.rating.RatingRepository.RatingRow;
import cn.onething.rating.RatingViews.RatingView;
import cn.onething.rating.RatingViews.RectificationStatus;
import cn.onething.security.CurrentUser;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * The steps people take in a bad rating's rectification: the lead verifies, the department rectifies,
 * the applicant answers the callback or appeals, the rating office (managers) reviews exclusions and
 * appeals. Every step is checked against who acts and where the process stands, and recorded.
 */
@Service
public class RectificationService {

    private static final Map<String, RectificationStatus> STATUS_AT = Map.of(
            "verify", RectificationStatus.VERIFYING, "rectify", RectificationStatus.RECTIFYING,
            "callback", RectificationStatus.CALLBACK, "reviewExclusion", RectificationStatus.EXCLUSION_REVIEW,
            "reviewAppeal", RectificationStatus.APPEAL_REVIEW);

    private final RatingService ratingService;
    private final RatingRepository ratings;
    private final RectificationProcess process;
    private final Clock clock;

    RectificationService(RatingService ratingService, RatingRepository ratings, RectificationProcess process,
            Clock clock) {
        this.ratingService = ratingService;
        this.ratings = ratings;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public RatingView verify(CurrentUser lead, String ratingId, String verdict, String finding) {
        RatingRow rating = ratingService.visible(lead, ratingId);
        if (!lead.isLead() || !lead.worksIn(rating.department())) {
            throw new ForbiddenException("差评核实须由被评价部门的负责人办理");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!"rectify".equals(verdict) && !"exclude".equals(verdict)) {
            errors.add(new FieldError("verdict", "oneOf", "请选择核实结论：整改或申请排除", "verdict must be rectify or exclude"));
        }
        String text = required(finding, "finding", "请填写核实情况", errors);
        Task task = at(rating, "verify", errors);
        return act(rating, "VERIFIED", lead, "核实：" + text + "。结论："
                + ("exclude".equals(verdict) ? "属误评或恶意差评，申请排除" : "情况属实，进行整改"),
                () -> process.complete(task, Map.of("verdict", verdict)));
    }

    @Transactional
    public RatingView rectify(CurrentUser officer, String ratingId, String plan, String result) {
        RatingRow rating = ratingService.visible(officer, ratingId);
        if (!officer.isOfficer() || !officer.worksIn(rating.department())) {
            throw new ForbiddenException("整改须由被评价部门办理");
        }
        List<FieldError> errors = new ArrayList<>();
        String planText = required(plan, "plan", "请填写整改方案", errors);
        String resultText = required(result, "result", "请填写整改结果", errors);
        Task task = at(rating, "rectify", errors);
        return act(rating, "RECTIFIED", officer, "整改方案：" + planText + "。整改结果：" + resultText,
                () -> process.complete(task, Map.of()));
    }

    @Transactional
    public RatingView callback(CurrentUser applicant, String ratingId, Boolean solved, Integer level, String comment) {
        RatingRow rating = rater(applicant, ratingId);
        List<FieldError> errors = new ArrayList<>();
        if (solved == null) {
            errors.add(new FieldError("solved", "required", "请说明问题是否已解决", "solved is required"));
        }
        if (level != null && (level < 1 || level > 5)) {
            errors.add(new FieldError("level", "range", "请选择 1 到 5 级评价", "level must be 1 to 5"));
        }
        String note = comment == null || comment.isBlank() ? "" : "。" + comment.strip();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (rating.status() != RectificationStatus.CALLBACK) {
            throw new ConflictException("该评价当前不在回访环节");
        }
        String again = "";
        if (level != null && level != rating.level()) {
            ratings.change(rating.id(), level, level <= 2 ? rating.reason() : null, rating.comment(),
                    OffsetDateTime.now(clock));
            again = "，重新评价「" + RatingLevel.label(level) + "」（原评价「" + RatingLevel.label(rating.level()) + "」）";
        }
        return act(rating, "CALLBACK_ANSWERED", applicant, "回访：" + (solved ? "问题已解决" : "问题未解决") + again + note,
                () -> process.callback(rating.id(), solved));
    }

    @Transactional
    public RatingView reviewExclusion(CurrentUser manager, String ratingId, Boolean approve, String comment) {
        return managerReview(manager, ratingId, "reviewExclusion", "exclusionApproved", approve, comment,
                "EXCLUSION_REVIEWED", approve != null && approve ? "同意排除" : "不同意排除，转部门整改");
    }

    @Transactional
    public RatingView appeal(CurrentUser applicant, String ratingId, String reason) {
        RatingRow rating = rater(applicant, ratingId);
        List<FieldError> errors = new ArrayList<>();
        String text = required(reason, "reason", "请填写申诉理由", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (!process.waitingAt(rating.id()).contains(RectificationProcess.APPEAL_WINDOW)) {
            throw new ConflictException("该评价当前不能申诉（未销号或已超过申诉期）");
        }
        return act(rating, "APPEALED", applicant, "申诉：" + text, () -> process.appeal(rating.id()));
    }

    @Transactional
    public RatingView reviewAppeal(CurrentUser manager, String ratingId, Boolean uphold, String comment) {
        return managerReview(manager, ratingId, "reviewAppeal", "appealUpheld", uphold, comment, "APPEAL_REVIEWED",
                uphold != null && uphold ? "申诉成立，重新整改" : "申诉不成立，维持销号");
    }

    private RatingView managerReview(CurrentUser manager, String ratingId, String step, String variable,
            Boolean yes, String comment, String type, String outcome) {
        if (!manager.isManager()) {
            throw new ForbiddenException("该环节由评价管理部门（业务管理员）办理");
        }
        RatingRow rating = ratingService.visible(manager, ratingId);
        List<FieldError> errors = new ArrayList<>();
        if (yes == null) {
            errors.add(new FieldError(variable.equals("appealUpheld") ? "uphold" : "approve", "required",
                    "请选择审核结论", "a decision is required"));
        }
        String text = required(comment, "comment", "请填写审核意见", errors);
        Task task = at(rating, step, errors);
        return act(rating, type, manager, outcome + "。意见：" + text, () -> process.complete(task, Map.of(variable, yes)));
    }

    /** The rectification steps the user can act on now; managers may ask for every open one. */
    @Transactional(readOnly = true)
    public PageResult<RatingView> inbox(CurrentUser user, boolean all, PageQuery page) {
        if (all && user.isManager()) {
            return new PageResult<>(ratingService.views(ratings.openRectifications(page.size(), page.offset()), user),
                    ratings.countOpenRectifications());
        }
        // One query for the ratings of all the steps, in the steps' order (most urgent first).
        List<Task> steps = process.tasksOf(user.taskGroups());
        Map<String, String> ratingOfTask = process.ratingsOf(steps);
        Set<String> ids = new LinkedHashSet<>();
        steps.forEach(t -> ids.add(ratingOfTask.get(t.getId())));
        List<String> pageIds = ids.stream().skip(page.offset()).limit(page.size()).toList();
        return new PageResult<>(ratingService.views(pageIds, user), ids.size());
    }

    private RatingRow rater(CurrentUser applicant, String ratingId) {
        RatingRow rating = ratingService.visible(applicant, ratingId);
        if (!rating.raterId().equals(applicant.id())) {
            throw new ForbiddenException("只有评价人本人可以回访答复或申诉");
        }
        return rating;
    }

    private Task at(RatingRow rating, String step, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return process.openTask(rating.id()).filter(t -> t.getTaskDefinitionKey().equals(step))
                .orElseThrow(() -> new ConflictException("该评价当前不在这个环节（可能已由他人办理）"));
    }

    /** Records the step on the rating's timeline, then moves the process on (which may record more). */
    private RatingView act(RatingRow rating, String type, CurrentUser actor, String message, Runnable engineStep) {
        ratings.addEvent(rating.id(), OffsetDateTime.now(clock), type, actor.name(), message);
        engineStep.run();
        syncStatus(rating.id());
        return ratingService.view(ratings.find(rating.id()).orElseThrow(), actor);
    }

    /** The status follows where the process now waits; closing is recorded by the model's own steps. */
    private void syncStatus(String ratingId) {
        process.waitingAt(ratingId).stream().map(STATUS_AT::get).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(status -> ratings.status(ratingId, status));
    }

    private static String required(String value, String field, String message, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", message, field + " is required"));
            return null;
        }
        if (value.strip().length() > 1000) {
            errors.add(new FieldError(field, "maxLength", "不能超过 1000 字", "at most 1000 characters"));
        }
        return value.strip();
    }
}
