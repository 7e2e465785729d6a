package cn.onething.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.appointment.HalfDay;
import cn.onething.timelimit.WorkingClock;

/** The inspection tables; only the inspection feature touches them. */
@Repository
class InspectionRepository {

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record InspectionRow(String id, String caseId, String code, String processInstanceId, String leadDepartment,
            InspectionStatus status, int round, int proposalNo, OffsetDateTime visitAt, String visitPlace,
            String visitNote, FindingResult result, String summary, LocalDate rectifyBy, String rectificationNote,
            WorkingClock clock, OffsetDateTime startedAt, OffsetDateTime finishedAt, LocalDate bookedDay,
            HalfDay bookedHalfDay) {
    }

    record AnswerRow(int proposalNo, String department, AnswerKind kind, OffsetDateTime visitAt, String place,
            String note, String answeredBy, OffsetDateTime answeredAt) {
    }

    record FindingRow(int round, String department, FindingResult result, String issues, String comment,
            String photos, String recordedBy, OffsetDateTime recordedAt) {
    }

    enum AnswerKind {
        PROPOSED, CONFIRMED, COUNTER
    }

    void insert(InspectionRow r, List<String> departments) {
        jdbc.sql("""
                insert into inspection (id, case_id, code, process_instance_id, lead_department, status, round,
                                        proposal_no, limit_days, elapsed_days, clock_started_on, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.caseId(), r.code(), r.processInstanceId(), r.leadDepartment(), r.status().name(),
                        r.round(), r.proposalNo(), r.clock().limitDays(), r.clock().elapsedDays(),
                        r.clock().startedOn(), r.startedAt())
                .update();
        for (String d : departments) {
            jdbc.sql("insert into inspection_department (inspection_id, department) values (?, ?)").params(r.id(), d)
                    .update();
        }
    }

    Optional<InspectionRow> find(String id) {
        return jdbc.sql("select * from inspection where id = ?").param(id).query(InspectionRepository::row).optional();
    }

    Optional<InspectionRow> byProcessInstance(String processInstanceId) {
        return jdbc.sql("select * from inspection where process_instance_id = ?").param(processInstanceId)
                .query(InspectionRepository::row).optional();
    }

    List<InspectionRow> byProcessInstances(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql("select * from inspection where process_instance_id in (:ids)").param("ids", ids)
                        .query(InspectionRepository::row).list();
    }

    List<InspectionRow> ofCase(String caseId) {
        return jdbc.sql("select * from inspection where case_id = ? order by started_at").param(caseId)
                .query(InspectionRepository::row).list();
    }

    List<String> departments(String inspectionId) {
        return jdbc.sql("select department from inspection_department where inspection_id = ? order by department")
                .param(inspectionId).query(String.class).list();
    }

    /**
     * Inspections a set of departments takes part in (all when null), of an applicant (when given), whose
     * visit falls in [from, to) when given; unscheduled ones are included when no range is given.
     */
    List<InspectionRow> page(Collection<String> departments, String applicantId, OffsetDateTime from,
            OffsetDateTime to, InspectionStatus status, int limit, int offset) {
        Filter f = filter(departments, applicantId, from, to, status);
        return jdbc.sql("select i.* from inspection i" + f.where
                + " order by coalesce(i.visit_at, i.started_at) desc limit :limit offset :offset")
                .params(f.params).param("limit", limit).param("offset", offset)
                .query(InspectionRepository::row).list();
    }

    long count(Collection<String> departments, String applicantId, OffsetDateTime from, OffsetDateTime to,
            InspectionStatus status) {
        Filter f = filter(departments, applicantId, from, to, status);
        return jdbc.sql("select count(*) from inspection i" + f.where).params(f.params).query(Long.class).single();
    }

    private record Filter(String where, java.util.Map<String, Object> params) {
    }

    private static Filter filter(Collection<String> departments, String applicantId, OffsetDateTime from,
            OffsetDateTime to, InspectionStatus status) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (departments != null) {
            where.append(" and exists (select 1 from inspection_department d where d.inspection_id = i.id"
                    + " and d.department in (:departments))");
            params.put("departments", departments);
        }
        if (applicantId != null) {
            where.append(" and exists (select 1 from case_file c where c.id = i.case_id and c.applicant_id = :applicant)");
            params.put("applicant", applicantId);
        }
        if (from != null) {
            where.append(" and i.visit_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and i.visit_at < :to");
            params.put("to", to);
        }
        if (status != null) {
            where.append(" and i.status = :status");
            params.put("status", status.name());
        }
        return new Filter(where.toString(), params);
    }

    void updateStatus(String id, InspectionStatus status) {
        jdbc.sql("update inspection set status = ? where id = ?").params(status.name(), id).update();
    }

    /** The lead's proposal: the next proposal number, the time and place all departments are asked to confirm. */
    void propose(String id, int proposalNo, OffsetDateTime visitAt, String place, String note) {
        jdbc.sql("""
                update inspection set proposal_no = ?, visit_at = ?, visit_place = ?, visit_note = ?, status = ?
                where id = ?""")
                .params(proposalNo, visitAt, place, note, InspectionStatus.CONFIRMING.name(), id).update();
    }

    /**
     * The enterprise's booking of the half-day: the visit's time and place. First bookings only while nobody
     * fixed the visit, moves only from the half-day still booked; false when that no longer holds.
     */
    boolean book(String id, LocalDate bookedBefore, HalfDay halfDayBefore, LocalDate day, HalfDay halfDay,
            OffsetDateTime visitAt, String place) {
        String booked = bookedBefore == null ? "booked_day is null and status = 'SCHEDULING'"
                : "booked_day = :before and booked_half_day = :halfDayBefore";
        return jdbc.sql("update inspection set booked_day = :day, booked_half_day = :halfDay, visit_at = :visitAt, "
                + "visit_place = :place, visit_note = null, reminded_at = null where id = :id and " + booked)
                .param("day", day).param("halfDay", halfDay.name()).param("visitAt", visitAt).param("place", place)
                .param("id", id).param("before", bookedBefore)
                .param("halfDayBefore", halfDayBefore == null ? null : halfDayBefore.name()).update() == 1;
    }

    /** The enterprise's booking taken back: no time, no place, scheduling again; false when it was no longer booked. */
    boolean cancelBooking(String id, LocalDate day, HalfDay halfDay) {
        return jdbc.sql("update inspection set booked_day = null, booked_half_day = null, visit_at = null, "
                + "visit_place = null, reminded_at = null, status = 'SCHEDULING' where id = ? and booked_day = ? "
                + "and booked_half_day = ? and status = 'FIXED'").params(id, day, halfDay.name()).update() == 1;
    }

    /** Fixed first visits in [from, until) not reminded yet. */
    List<InspectionRow> toRemind(OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql("select * from inspection where status = 'FIXED' and round = 1 and reminded_at is null "
                + "and visit_at >= ? and visit_at < ? order by visit_at").params(from, until)
                .query(InspectionRepository::row).list();
    }

    /** Marks the visit reminded; false when another node did it first, or the visit is no longer fixed. */
    boolean reminded(String id, OffsetDateTime at) {
        return jdbc.sql("update inspection set reminded_at = ? where id = ? and reminded_at is null "
                + "and status = 'FIXED'").params(at, id).update() == 1;
    }

    void addAnswer(String inspectionId, AnswerRow a) {
        jdbc.sql("""
                insert into inspection_answer (inspection_id, proposal_no, department, kind, visit_at, place, note,
                                               answered_by, answered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(inspectionId, a.proposalNo(), a.department(), a.kind().name(), a.visitAt(), a.place(),
                        a.note(), a.answeredBy(), a.answeredAt())
                .update();
    }

    List<AnswerRow> answers(String inspectionId) {
        return jdbc.sql("select * from inspection_answer where inspection_id = ? order by id").param(inspectionId)
                .query((rs, n) -> new AnswerRow(rs.getInt("proposal_no"), rs.getString("department"),
                        AnswerKind.valueOf(rs.getString("kind")), rs.getObject("visit_at", OffsetDateTime.class),
                        rs.getString("place"), rs.getString("note"), rs.getString("answered_by"),
                        rs.getObject("answered_at", OffsetDateTime.class)))
                .list();
    }

    void addFinding(String inspectionId, FindingRow f) {
        jdbc.sql("""
                insert into inspection_finding (inspection_id, round, department, result, issues, comment, photos,
                                                recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(inspectionId, f.round(), f.department(), f.result().name(), f.issues(), f.comment(),
                        f.photos(), f.recordedBy(), f.recordedAt())
                .update();
    }

    List<FindingRow> findings(String inspectionId) {
        return jdbc.sql("select * from inspection_finding where inspection_id = ? order by round, department")
                .param(inspectionId)
                .query((rs, n) -> new FindingRow(rs.getInt("round"), rs.getString("department"),
                        FindingResult.valueOf(rs.getString("result")), rs.getString("issues"),
                        rs.getString("comment"), rs.getString("photos"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    void addPhotos(String inspectionId, String department, List<String> materialIds) {
        for (String id : materialIds) {
            jdbc.sql("insert into inspection_photo (inspection_id, material_id, department) values (?, ?, ?)")
                    .params(inspectionId, id, department).update();
        }
    }

    /** The enterprise's own photos of its rectification (department null). */
    List<String> rectificationPhotos(String inspectionId) {
        return jdbc.sql("select material_id from inspection_photo where inspection_id = ? and department is null")
                .param(inspectionId).query(String.class).list();
    }

    List<String> inspectionsWithPhoto(String materialId) {
        return jdbc.sql("select inspection_id from inspection_photo where material_id = ?").param(materialId)
                .query(String.class).list();
    }

    void rectified(String id, String note) {
        jdbc.sql("update inspection set rectification_note = ? where id = ?").params(note, id).update();
    }

    void conclude(String id, InspectionStatus status, FindingResult result, String summary, LocalDate rectifyBy,
            WorkingClock clock, OffsetDateTime finishedAt) {
        jdbc.sql("""
                update inspection set status = ?, result = ?, summary = ?, rectify_by = ?, elapsed_days = ?,
                                      clock_started_on = ?, clock_stopped_on = ?, finished_at = ?
                where id = ?""")
                .params(status.name(), result.name(), summary, rectifyBy, clock.elapsedDays(), clock.startedOn(),
                        clock.stoppedOn(), finishedAt, id)
                .update();
    }

    void startRound(String id, int round, WorkingClock clock) {
        jdbc.sql("""
                update inspection set status = ?, round = ?, elapsed_days = ?, clock_started_on = ?,
                                      clock_stopped_on = ?
                where id = ?""")
                .params(InspectionStatus.RECHECK.name(), round, clock.elapsedDays(), clock.startedOn(),
                        clock.stoppedOn(), id)
                .update();
    }

    private static InspectionRow row(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new InspectionRow(rs.getString("id"), rs.getString("case_id"), rs.getString("code"),
                rs.getString("process_instance_id"), rs.getString("lead_department"),
                InspectionStatus.valueOf(rs.getString("status")), rs.getInt("round"), rs.getInt("proposal_no"),
                rs.getObject("visit_at", OffsetDateTime.class), rs.getString("visit_place"),
                rs.getString("visit_note"), result == null ? null : FindingResult.valueOf(result),
                rs.getString("summary"), rs.getObject("rectify_by", LocalDate.class),
                rs.getString("rectification_note"),
                new WorkingClock(rs.getInt("limit_days"), rs.getObject("clock_started_on", LocalDate.class),
                        rs.getInt("elapsed_days"), rs.getObject("clock_stopped_on", LocalDate.class)),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getObject("booked_day", LocalDate.class),
                rs.getString("booked_half_day") == null ? null : HalfDay.valueOf(rs.getString("booked_half_day")));
    }
}
