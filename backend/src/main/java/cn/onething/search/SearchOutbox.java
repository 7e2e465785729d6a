package cn.onething.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows saying which search documents changed: written in the transaction of the change (by triggers, and
 * by the engine's task listeners), read in order and deleted by the relay once indexed.
 */
@Component
public class SearchOutbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SearchOutbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Change(long id, SearchDocType type, String docId) {
    }

    record Position(long lastId, OffsetDateTime indexedAt, OffsetDateTime failingSince, String lastError,
            long pending) {
    }

    /** For a change no trigger or task event sees (a task handed to another department). */
    public void changed(SearchDocType type, String docId) {
        changed(type, List.of(docId));
    }

    void changed(SearchDocType type, Collection<String> docIds) {
        batch.batchUpdate("insert into search_outbox (doc_type, doc_id) values (?, ?)",
                docIds.stream().map(id -> new Object[] {type.code(), id}).toList());
    }

    /**
     * Licences whose validity ended in the week before `today`: no row changes when a date passes, so they are
     * put in the outbox to be indexed as expired (a week, so that a platform down on one night misses none).
     */
    int expired(LocalDate today) {
        return jdbc.sql("""
                insert into search_outbox (doc_type, doc_id)
                select 'licence', number from licence
                where status = 'VALID' and valid_until >= ? and valid_until < ?""")
                .params(today.minusDays(7), today).update();
    }

    List<Change> next(int limit) {
        return jdbc.sql("select id, doc_type, doc_id from search_outbox order by id limit ?").param(limit)
                .query((rs, n) -> new Change(rs.getLong(1), SearchDocType.of(rs.getString(2)).orElseThrow(),
                        rs.getString(3)))
                .list();
    }

    /** The largest id written so far: a rebuild's documents are as new as this. */
    long head() {
        return jdbc.sql("select coalesce(max(id), 0) from search_outbox").query(Long.class).single();
    }

    void indexed(Collection<Long> ids, long lastId, OffsetDateTime now) {
        jdbc.sql("delete from search_outbox where id in (:ids)").param("ids", ids).update();
        jdbc.sql("update search_relay set last_id = ?, indexed_at = ?, failing_since = null, last_error = null"
                + " where name = 'main'").params(lastId, now).update();
    }

    void failed(String error, OffsetDateTime now) {
        jdbc.sql("update search_relay set failing_since = coalesce(failing_since, ?), last_error = ? where name = 'main'")
                .params(now, error.length() > 1000 ? error.substring(0, 1000) : error).update();
    }

    /** The version the relay last wrote. */
    long lastId() {
        return jdbc.sql("select last_id from search_relay where name = 'main'").query(Long.class).single();
    }

    Position position() {
        return jdbc.sql("""
                select last_id, indexed_at, failing_since, last_error, (select count(*) from search_outbox)
                from search_relay where name = 'main'""")
                .query((rs, n) -> new Position(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getLong(5)))
                .single();
    }
}
