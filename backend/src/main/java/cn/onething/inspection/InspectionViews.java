package cn.onething.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.onething.appointment.HalfDay;
import cn.onething.timelimit.DeadlineView;

/** What the inspection API shows. */
public final class InspectionViews {

    private InspectionViews() {
    }

    public record Department(String code, String name) {
    }

    /** A step a department must take now; `taskId` only for the user's own departments. */
    public record OpenStep(String step, String stepName, String department, String departmentName, String taskId) {
    }

    public record InspectionSummary(String id, String caseId, String caseNumber, String bundleCode, String bundleName,
            String code, String name, String enterprise, InspectionStatus status, String statusName, int round,
            OffsetDateTime visitAt, String visitPlace, Department lead, List<Department> departments,
            DeadlineView deadline, FindingResult result, LocalDate rectifyBy, List<OpenStep> openSteps,
            Booking booking) {
    }

    /**
     * 踏勘预约, where every department publishes teams: whether the enterprise may book now (`open`: nobody has
     * proposed a time yet), the half-day it booked, until when it may move it, and the place (its form's answer
     * until booked).
     */
    public record Booking(boolean open, LocalDate day, HalfDay halfDay, String time, boolean changeable,
            OffsetDateTime changeUntil, String place) {
    }

    /** A half-day asked for: the day as YYYY-MM-DD, AM or PM, and the place (the form's answer when left out). */
    public record BookingRequest(String day, String halfDay, String place) {
    }

    public record Answer(int proposalNo, String department, String departmentName, String kind, OffsetDateTime visitAt,
            String place, String note, String answeredBy, OffsetDateTime answeredAt) {
    }

    public record Finding(int round, String department, String departmentName, FindingResult result,
            String resultName, List<String> issues, String comment, List<String> photos, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** `rectificationNote` and `rectificationPhotos`: what the enterprise reported of its rectification. */
    public record InspectionDetail(InspectionSummary inspection, String visitNote, String summary,
            LocalDate rectifyBy, String rectificationNote, List<String> rectificationPhotos, List<Answer> answers,
            List<Finding> findings) {
    }

    public record Proposal(OffsetDateTime visitAt, String place, String note) {
    }

    /** A participant's answer to the proposal: accept it, or propose another time. */
    public record Confirmation(String department, Boolean accept, OffsetDateTime visitAt, String note) {
    }

    public record Findings(String department, FindingResult result, List<String> issues, String comment,
            List<String> photos) {
    }

    public record Rectification(String comment, List<String> photos) {
    }
}
