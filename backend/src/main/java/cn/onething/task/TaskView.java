package cn.onething.task;

import java.time.LocalDate;
import java.util.Date;

import cn.onething.timelimit.Light;

/**
 * A row of the department inbox: the task and the case behind it (applicant masked), with its time limit:
 * the last working day, the light, working days left (negative when overdue) and whether it was escalated.
 * A step of a bad rating's rectification (核实, 整改, reviews) carries its rating's id, a step of a site
 * inspection its inspection's id; an item's task neither.
 */
public record TaskView(String id, String name, String itemCode, String caseId, String caseNumber, String bundleCode,
        String bundleName, String department, String departmentName, String applicantName, Date created, Date due,
        String assignee, LocalDate dueDate, boolean provisional, Light light, Integer remainingDays,
        boolean escalated, String ratingId, String inspectionId) {
}
