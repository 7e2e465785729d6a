package cn.onething.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.onething.timelimit.DeadlineView;
import cn.onething.timelimit.Light;

/** What the API shows of a case. Lists mask personal data; the detail is for those entitled to it. */
public final class CaseViews {

    private CaseViews() {
    }

    public enum CaseStatus {
        IN_PROGRESS, COMPLETED
    }

    public record CaseSummary(String id, String number, String bundleCode, String bundleName, String applicantName,
            CaseStatus status, OffsetDateTime submittedAt, OffsetDateTime completedAt, int itemsDone,
            int itemsTotal, LocalDate dueDate, boolean provisional, Light light) {
    }

    public record CaseDetail(String id, String number, String bundleCode, String bundleName, String applicantName,
            CaseStatus status, OffsetDateTime submittedAt, OffsetDateTime completedAt, DeadlineView deadline,
            Map<String, String> form,
            List<MaterialRef> materials, List<ItemView> items, List<TimelineEntry> timeline) {

        public ItemView item(String code) {
            return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        }
    }

    public record ItemView(String code, String name, String department, String departmentName, ItemStatus status,
            String comment, OffsetDateTime startedAt, OffsetDateTime decidedAt, String decidedBy,
            Supplement supplement, DeadlineView deadline) {

        /** The department's latest decision, or null while it has none. */
        public Decision getDecision() {
            return switch (status) {
                case APPROVED -> Decision.APPROVE;
                case REJECTED -> Decision.REJECT;
                case SUPPLEMENT -> Decision.RETURN;
                default -> null;
            };
        }
    }

    public record Supplement(List<String> missing, String comment, OffsetDateTime requestedAt) {
    }

    public record MaterialRef(String code, String name, String materialId, String filename, String contentType,
            long size, String sha256) {
    }

    public record TimelineEntry(OffsetDateTime at, String type, String itemCode, String actor, String message) {
    }

    /** What the inbox shows of the case behind a task. */
    public record TaskCase(String taskId, String caseId, String caseNumber, String bundleCode, String bundleName,
            String itemCode, String department, String applicantName) {
    }

    /** A case's BPMN model with where it stands: for the live diagram. */
    public record Diagram(String xml, List<String> activeActivityIds, List<String> completedActivityIds) {
    }
}
