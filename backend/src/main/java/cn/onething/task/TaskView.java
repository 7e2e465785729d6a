package cn.onething.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import cn.onething.timelimit.Light;

/**
 * A row of the department inbox: the task and the case behind it (applicant masked), with its time limit:
 * the last working day, the light, working days left (negative when overdue) and whether it was escalated.
 * A step of a bad rating's rectification (核实, 整改, reviews) carries its rating's id, a step of a site
 * inspection its inspection's id; an item's task neither.
 *
 * @param owner the delegator while the task is delegated (委派)
 * @param delegation PENDING while the colleague works it, RESOLVED once given back
 * @param bulkApprove whether the model lets officers approve this step for many cases at once
 * @param completedAt in the done view: when I completed it
 * @param withdrawable in the done view: whether I may still take it back (撤回)
 * @param cc in the copies view: the copy
 * @param countersign the status of the task's newest countersign (加签 / 会签), if it has one
 * @param sign on a signer's own task: the countersign it belongs to
 */
public record TaskView(String id, String name, String itemCode, String caseId, String caseNumber, String bundleCode,
        String bundleName, String department, String departmentName, String applicantName, Date created, Date due,
        String assignee, String assigneeName, LocalDate dueDate, boolean provisional, Light light,
        Integer remainingDays, boolean escalated, String ratingId, String inspectionId, String owner,
        String delegation, boolean bulkApprove, Date completedAt, boolean withdrawable, Copy cc,
        Countersign.Status countersign, Countersign.SignTask sign) {

    /** A copy of the task sent to the reader (抄送). */
    public record Copy(long id, String from, String note, OffsetDateTime at, boolean read) {
    }
}
