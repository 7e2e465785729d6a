package cn.onething.supervision;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.web.PageQuery;

/** Enterprises and their credit events; only the supervision feature touches these tables. */
@Repository
class CreditRepository {

    /**
     * The grading rule (see CreditGrade) as a severity per enterprise over the events since :since:
     * 4 (D) false commitment or revoked licence, 3 (C) a failure, 2 (B) conditions, 1 (A) otherwise.
     */
    private static final String GRADED = """
            select e.holder_id, e.name, e.credit_code,
                   coalesce(max(case when c.false_commitment or c.kind = 'LICENCE_REVOKED' then 4
                                     when c.result = 'FAIL' then 3
                                     when c.result = 'CONDITIONS' then 2
                                     else 1 end), 1) as severity
            from enterprise e left join credit_event c on c.holder_id = e.holder_id and c.occurred_at >= :since
            group by e.holder_id, e.name, e.credit_code""";

    private final JdbcClient jdbc;

    CreditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Kind {
        /** 现场核查 / 事后核查 by the bundle's model. */
        INSPECTION,
        /** The supervising department's report after a push (审管联动). */
        SUPERVISION,
        LICENCE_REVOKED
    }

    record EventRow(String holderId, Kind kind, SupervisionResult result, boolean falseCommitment, String summary,
            String caseId, String licenceNumber, String recordedBy, OffsetDateTime occurredAt) {
    }

    record Graded(String holderId, String name, String creditCode, CreditGrade grade) {
    }

    /** Knows the enterprise by its latest name and credit code (a missing code keeps the one known). */
    void enterprise(String holderId, String name, String creditCode) {
        int updated = jdbc.sql("""
                update enterprise set name = ?, credit_code = coalesce(?, credit_code) where holder_id = ?""")
                .params(name, creditCode, holderId).update();
        if (updated == 0) {
            jdbc.sql("insert into enterprise (holder_id, name, credit_code) values (?, ?, ?)")
                    .params(holderId, name, creditCode).update();
        }
    }

    void insert(EventRow e) {
        jdbc.sql("""
                insert into credit_event (holder_id, kind, result, false_commitment, summary, case_id, licence_number,
                                          recorded_by, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.holderId(), e.kind().name(), e.result() == null ? null : e.result().name(),
                        e.falseCommitment(), e.summary(), e.caseId(), e.licenceNumber(), e.recordedBy(),
                        e.occurredAt())
                .update();
    }

    List<Graded> page(OffsetDateTime since, CreditGrade grade, PageQuery page) {
        return filtered("select * from (" + GRADED + ") g" + where(grade)
                + " order by severity desc, name, holder_id limit :limit offset :offset", since, grade)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Graded(rs.getString("holder_id"), rs.getString("name"),
                        rs.getString("credit_code"), CreditGrade.ofSeverity(rs.getInt("severity"))))
                .list();
    }

    long count(OffsetDateTime since, CreditGrade grade) {
        return filtered("select count(*) from (" + GRADED + ") g" + where(grade), since, grade).query(Long.class)
                .single();
    }

    /** The grades of these enterprises; one the platform does not know yet is absent. */
    Map<String, CreditGrade> grades(Collection<String> holderIds, OffsetDateTime since) {
        if (holderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select holder_id, severity from (" + GRADED + ") g where holder_id in (:ids)")
                .param("since", since).param("ids", holderIds)
                .query((rs, n) -> Map.entry(rs.getString(1), CreditGrade.ofSeverity(rs.getInt(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<EventRow> events(Collection<String> holderIds) {
        if (holderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from credit_event where holder_id in (:ids) order by occurred_at desc, id desc")
                .param("ids", holderIds)
                .query((rs, n) -> new EventRow(rs.getString("holder_id"), Kind.valueOf(rs.getString("kind")),
                        SupervisionResult.parse(rs.getString("result")), rs.getBoolean("false_commitment"),
                        rs.getString("summary"), rs.getString("case_id"), rs.getString("licence_number"),
                        rs.getString("recorded_by"), rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }

    private static String where(CreditGrade grade) {
        return grade == null ? "" : " where severity = :severity";
    }

    private JdbcClient.StatementSpec filtered(String sql, OffsetDateTime since, CreditGrade grade) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("since", since);
        return grade == null ? spec : spec.param("severity", grade.severity());
    }
}
