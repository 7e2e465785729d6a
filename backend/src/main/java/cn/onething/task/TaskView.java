package cn.onething.task;

import java.util.Date;

/** A row of the department inbox: the task and the case behind it (applicant masked). */
public record TaskView(String id, String name, String itemCode, String caseId, String caseNumber, String bundleCode,
        String bundleName, String department, String departmentName, String applicantName, Date created, Date due,
        String assignee) {
}
