package cn.onething.licence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.web.PageQuery;

/** The licence table; only the licence feature touches it. */
@Repository
class LicenceRepository {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final Map<String, String> SORT = Map.of("issuedAt", "issued_at", "validUntil", "valid_until",
            "number", "number");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    LicenceRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record LicenceRow(String number, String licenceCode, String licenceName, String caseId, String bundleCode,
            String holderId, String holderName, String holderCreditCode, String scope, String department,
            String supervisor, LocalDate validFrom, LocalDate validUntil, boolean revoked, OffsetDateTime revokedAt,
            String revokedReason, List<String> replaces, String supervisionResult, String supervisionComment,
            String supervisedBy, OffsetDateTime supervisedAt, OffsetDateTime issuedAt) {

        LicenceStatus status(LocalDate today) {
            return revoked ? LicenceStatus.REVOKED
                    : today.isAfter(validUntil) ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
        }
    }

    /** Whose licences a user sees: all (managers), those issued or supervised by departments, or a holder's. */
    record Scope(boolean all, Collection<String> departments, String holderId, String caseId) {
    }

    long nextSerial() {
        return jdbc.sql("select nextval('licence_serial')").query(Long.class).single();
    }

    void insert(LicenceRow r) {
        jdbc.sql("""
                insert into licence (number, licence_code, licence_name, case_id, bundle_code, holder_id, holder_name,
                                     holder_credit_code, scope, department, supervisor, valid_from, valid_until,
                                     status, replaces, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?)""")
                .params(r.number(), r.licenceCode(), r.licenceName(), r.caseId(), r.bundleCode(), r.holderId(),
                        r.holderName(), r.holderCreditCode(), r.scope(), r.department(), r.supervisor(), r.validFrom(),
                        r.validUntil(), write(r.replaces()), r.issuedAt())
                .update();
    }

    Optional<LicenceRow> find(String number) {
        return jdbc.sql("select * from licence where number = ?").param(number).query(this::row).optional();
    }

    Optional<LicenceRow> find(String caseId, String licenceCode) {
        return jdbc.sql("select * from licence where case_id = ? and licence_code = ?").params(caseId, licenceCode)
                .query(this::row).optional();
    }

    boolean issuedFor(String caseId) {
        return jdbc.sql("select count(*) from licence where case_id = ?").param(caseId).query(Long.class).single() > 0;
    }

    List<LicenceRow> valid(String caseId) {
        return jdbc.sql("select * from licence where case_id = ? and status = 'VALID' order by issued_at, number")
                .param(caseId).query(this::row).list();
    }

    boolean revoke(String number, OffsetDateTime at, String reason) {
        return jdbc.sql("""
                update licence set status = 'REVOKED', revoked_at = ?, revoked_reason = ?
                where number = ? and status = 'VALID'""").params(at, reason, number).update() == 1;
    }

    void supervised(String number, String result, String comment, String by, OffsetDateTime at) {
        jdbc.sql("""
                update licence set supervision_result = ?, supervision_comment = ?, supervised_by = ?, supervised_at = ?
                where number = ?""").params(result, comment, by, at, number).update();
    }

    /** The number of the holder's licence of this kind that is valid on the day, if any. */
    Optional<String> held(String holderId, String licenceCode, LocalDate day) {
        return jdbc.sql("""
                select number from licence where holder_id = ? and licence_code = ? and status = 'VALID'
                and valid_from <= ? and valid_until >= ? order by valid_until desc""")
                .params(holderId, licenceCode, day, day).query(String.class).stream().findFirst();
    }

    /** A holder of valid licences, with the name and credit code of the latest. */
    record Holder(String holderId, String name, String creditCode) {
    }

    List<Holder> validHolders(String supervisor, LocalDate day) {
        String where = "status = 'VALID' and valid_from <= :day and valid_until >= :day"
                + (supervisor == null ? "" : " and supervisor = :supervisor");
        var query = jdbc.sql("""
                select holder_id, holder_name, holder_credit_code from licence where %s
                order by holder_id, issued_at desc""".formatted(where)).param("day", day);
        if (supervisor != null) {
            query = query.param("supervisor", supervisor);
        }
        // the rows come latest first per holder: keep the first of each
        Map<String, Holder> holders = new LinkedHashMap<>();
        query.query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(h -> holders.putIfAbsent(h.holderId(), h));
        return List.copyOf(holders.values());
    }

    List<LicenceRow> page(Scope scope, LicenceStatus status, LocalDate today, PageQuery page) {
        return filter("select * from licence where " + where(scope, status) + " order by "
                + SORT.get(page.sort()) + (page.ascending() ? "" : " desc") + ", number limit :limit offset :offset",
                scope, status, today).param("limit", page.size()).param("offset", page.offset())
                .query(this::row).list();
    }

    long count(Scope scope, LicenceStatus status, LocalDate today) {
        return filter("select count(*) from licence where " + where(scope, status), scope, status, today)
                .query(Long.class).single();
    }

    static Set<String> sortable() {
        return SORT.keySet();
    }

    private static String where(Scope scope, LicenceStatus status) {
        String who = scope.all() ? "1 = 1"
                : scope.holderId() != null ? "holder_id = :holder"
                : "(department in (:departments) or supervisor in (:departments))";
        String state = status == null ? ""
                : switch (status) {
                    case VALID -> " and status = 'VALID' and valid_until >= :today";
                    case EXPIRED -> " and status = 'VALID' and valid_until < :today";
                    case REVOKED -> " and status = 'REVOKED'";
                };
        return who + state + (scope.caseId() == null ? "" : " and case_id = :case");
    }

    private JdbcClient.StatementSpec filter(String sql, Scope scope, LicenceStatus status, LocalDate today) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (!scope.all() && scope.holderId() != null) {
            spec = spec.param("holder", scope.holderId());
        } else if (!scope.all()) {
            spec = spec.param("departments", scope.departments());
        }
        if (status == LicenceStatus.VALID || status == LicenceStatus.EXPIRED) {
            spec = spec.param("today", today);
        }
        if (scope.caseId() != null) {
            spec = spec.param("case", scope.caseId());
        }
        return spec;
    }

    private String write(List<String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LicenceRow row(ResultSet rs, int n) throws SQLException {
        List<String> replaces;
        try {
            replaces = json.readValue(rs.getString("replaces"), NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("licence " + rs.getString("number") + " has unreadable replaces", e);
        }
        return new LicenceRow(rs.getString("number"), rs.getString("licence_code"), rs.getString("licence_name"),
                rs.getString("case_id"), rs.getString("bundle_code"), rs.getString("holder_id"),
                rs.getString("holder_name"), rs.getString("holder_credit_code"), rs.getString("scope"),
                rs.getString("department"), rs.getString("supervisor"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), "REVOKED".equals(rs.getString("status")),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_reason"), replaces,
                rs.getString("supervision_result"), rs.getString("supervision_comment"),
                rs.getString("supervised_by"), rs.getObject("supervised_at", OffsetDateTime.class),
                rs.getObject("issued_at", OffsetDateTime.class));
    }
}
