package cn.onething.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.onething.timelimit.Light;

/** What the API shows of ratings and their rectification. */
final class RatingViews {

    private RatingViews() {
    }

    enum Channel {
        /** 一事一评: one item, once decided. */
        ITEM,
        /** 一次一评: the whole case, once ended. */
        CASE,
        /** 监督查评: an officer's supervisor rates an item. */
        SUPERVISOR
    }

    enum RectificationStatus {
        VERIFYING, RECTIFYING, CALLBACK, EXCLUSION_REVIEW, CLOSED, EXCLUDED, APPEAL_REVIEW
    }

    record RatingView(String id, String caseId, String caseNumber, String bundleCode, String bundleName, String itemCode,
            String itemName, Channel channel, String department, String departmentName, String officer, int level,
            String levelName, boolean bad, BadReason reason, String reasonName, String comment,
            OffsetDateTime ratedAt, OffsetDateTime updatedAt, OffsetDateTime changeableUntil, boolean mine,
            Rectification rectification) {
    }

    record Rectification(RectificationStatus status, Step step, LocalDate appealableUntil, String outcome,
            List<Entry> timeline) {
    }

    /** The step the rectification waits at, with its deadline. */
    record Step(String code, String name, LocalDate dueDate, Light light) {
    }

    record Entry(OffsetDateTime at, String type, String actor, String message) {
    }
}
