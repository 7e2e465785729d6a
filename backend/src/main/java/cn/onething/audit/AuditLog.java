package cn.onething.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of audit_log: appended, read, never changed. */
@Repository
class AuditLog {

    record Entry(long id, OffsetDateTime at, String userId, String username, String roles, String method,
            String path, String route, int status, String clientIp, String requestId) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(Entry e) {
        jdbc.sql("""
                insert into audit_log (at, user_id, username, roles, method, path, route, status, client_ip, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.at(), e.userId(), e.username(), e.roles(), e.method(), e.path(), e.route(), e.status(),
                        e.clientIp(), e.requestId())
                .update();
    }

    /** Entries of the user (any when null) in [from, to) (open ends when null), the newest first. */
    List<Entry> page(String userId, OffsetDateTime from, OffsetDateTime to, int limit, int offset) {
        Where w = where(userId, from, to);
        return jdbc.sql("select id, at, user_id, username, roles, method, path, route, status, client_ip, request_id "
                + "from audit_log" + w.sql() + " order by id desc limit :limit offset :offset").params(w.params())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getInt(9), rs.getString(10), rs.getString(11)))
                .list();
    }

    long count(String userId, OffsetDateTime from, OffsetDateTime to) {
        Where w = where(userId, from, to);
        return jdbc.sql("select count(*) from audit_log" + w.sql()).params(w.params()).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(String userId, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (userId != null) {
            sql.append(" and (user_id = :user or username = :user)");
            params.put("user", userId);
        }
        if (from != null) {
            sql.append(" and at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and at < :to");
            params.put("to", to);
        }
        return new Where(sql.toString(), params);
    }
}
