package cn.onething.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.web.PageQuery;

/** The supervision pushes (审管联动): one per issued licence with a supervisor. */
@Repository
class SupervisionRepository {

    private static final Map<String, String> SORT = Map.of("claimDue", "claim_due", "pushedAt", "pushed_at");

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PushRow(String id, String licenceNumber, String licenceName, String holderId, String holderName,
            String creditCode, String caseId, String department, int claimDays, LocalDate claimDue, PushStatus status,
            OffsetDateTime pushedAt, String claimedBy, String claimedByName, OffsetDateTime claimedAt, String result,
            String comment, OffsetDateTime reportedAt, OffsetDateTime escalatedAt) {
    }

    static Set<String> sortable() {
        return SORT.keySet();
    }

    void insert(PushRow p) {
        jdbc.sql("""
                insert into supervision_push (id, licence_number, licence_name, holder_id, holder_name, credit_code,
                                              case_id, department, claim_days, claim_due, status, pushed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.licenceNumber(), p.licenceName(), p.holderId(), p.holderName(), p.creditCode(),
                        p.caseId(), p.department(), p.claimDays(), p.claimDue(), p.status().name(), p.pushedAt())
                .update();
    }

    Optional<PushRow> find(String id) {
        return jdbc.sql("select * from supervision_push where id = ?").param(id).query(SupervisionRepository::row)
                .optional();
    }

    /** Pushes of the departments (all when null), optionally in one status. */
    List<PushRow> page(Collection<String> departments, PushStatus status, PageQuery page) {
        return filtered("select * from supervision_push where " + where(departments, status) + " order by "
                + SORT.get(page.sort()) + (page.ascending() ? "" : " desc") + ", id limit :limit offset :offset",
                departments, status).param("limit", page.size()).param("offset", page.offset())
                .query(SupervisionRepository::row).list();
    }

    long count(Collection<String> departments, PushStatus status) {
        return filtered("select count(*) from supervision_push where " + where(departments, status), departments,
                status).query(Long.class).single();
    }

    boolean claim(String id, String username, String name, OffsetDateTime at) {
        return jdbc.sql("""
                update supervision_push set status = 'CLAIMED', claimed_by = ?, claimed_by_name = ?, claimed_at = ?
                where id = ? and status = 'PENDING'""").params(username, name, at, id).update() == 1;
    }

    boolean report(String id, String username, String result, String comment, OffsetDateTime at) {
        return jdbc.sql("""
                update supervision_push set status = 'DONE', result = ?, comment = ?, reported_at = ?
                where id = ? and status = 'CLAIMED' and claimed_by = ?""")
                .params(result, comment, at, id, username).update() == 1;
    }

    /** Pending pushes whose claim limit ended before the day and that were not escalated yet. */
    List<PushRow> overdue(LocalDate today) {
        return jdbc.sql("""
                select * from supervision_push where status = 'PENDING' and escalated_at is null and claim_due < ?
                order by claim_due, id""").param(today).query(SupervisionRepository::row).list();
    }

    /** Marks the push escalated; false when another node did it first. */
    boolean escalate(String id, OffsetDateTime at) {
        return jdbc.sql("update supervision_push set escalated_at = ? where id = ? and escalated_at is null")
                .params(at, id).update() == 1;
    }

    private static String where(Collection<String> departments, PushStatus status) {
        return (departments == null ? "1 = 1" : "department in (:departments)")
                + (status == null ? "" : " and status = :status");
    }

    private JdbcClient.StatementSpec filtered(String sql, Collection<String> departments, PushStatus status) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (departments != null) {
            spec = spec.param("departments", departments);
        }
        return status == null ? spec : spec.param("status", status.name());
    }

    private static PushRow row(ResultSet rs, int n) throws SQLException {
        return new PushRow(rs.getString("id"), rs.getString("licence_number"), rs.getString("licence_name"),
                rs.getString("holder_id"), rs.getString("holder_name"), rs.getString("credit_code"),
                rs.getString("case_id"), rs.getString("department"), rs.getInt("claim_days"),
                rs.getObject("claim_due", LocalDate.class), PushStatus.valueOf(rs.getString("status")),
                rs.getObject("pushed_at", OffsetDateTime.class), rs.getString("claimed_by"),
                rs.getString("claimed_by_name"), rs.getObject("claimed_at", OffsetDateTime.class),
                rs.getString("result"), rs.getString("comment"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("escalated_at", OffsetDateTime.class));
    }
}
