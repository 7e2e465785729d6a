package cn.onething.notification;

import java.time.OffsetDateTime;

/** One in-app notification (站内提醒). */
public record Notification(long id, Kind kind, String message, String caseId, String caseNumber, String itemCode,
        String taskId, OffsetDateTime createdAt, OffsetDateTime readAt) {

    public enum Kind {
        /** A time limit is near (预警). */
        WARNING,
        /** A time limit has passed and the task went to the department lead (超期督办). */
        ESCALATION,
        /** A site inspection (现场踏勘) needs the recipient or tells them its time or result. */
        INSPECTION,
        /** A step of a bad rating's rectification (差评整改) needs the recipient. */
        RECTIFICATION,
        /** An electronic licence (电子证照) of the recipient was issued or revoked. */
        LICENCE,
        /** A task was handed to the recipient, given back, returned or copied to them (分配, 转办, 委派, 退回, 抄送). */
        TASK,
        /** An item of the applicant's case was decided or returned for 补正. */
        CASE,
        /** The applicant's visit is tomorrow (预约提醒). */
        APPOINTMENT
    }
}
