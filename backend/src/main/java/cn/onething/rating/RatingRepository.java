package cn.onething.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.rating.RatingViews.Channel;
import cn.onething.rating.RatingViews.Entry;
import cn.onething.rating.RatingViews.RectificationStatus;

/** The rating tables; only the rating feature touches them. */
@Repository
class RatingRepository {

    private final JdbcClient jdbc;
    private final RatingDays days;

    RatingRepository(JdbcClient jdbc, RatingDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    record RatingRow(String id, String caseId, String subject, String itemCode, Channel channel, String bundleCode,
            String department, String officer, String raterId, int level, boolean bad, BadReason reason,
            String comment, OffsetDateTime ratedAt, OffsetDateTime updatedAt, RectificationStatus status,
            String outcome, LocalDate appealableUntil) {
    }

    void insert(RatingRow r) {
        jdbc.sql("""
                insert into rating (id, case_id, subject, item_code, channel, bundle_code, department, officer,
                                    rater_id, level, bad, reason, comment, rated_at, updated_at, rated_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.caseId(), r.subject(), r.itemCode(), r.channel().name(), r.bundleCode(),
                        r.department(), r.officer(), r.raterId(), r.level(), r.bad(), name(r.reason()), r.comment(),
                        r.ratedAt(), r.updatedAt(), r.ratedAt().toLocalDate())
                .update();
        days.rated(r);
    }

    void change(String id, int level, BadReason reason, String comment, OffsetDateTime now) {
        days.changing(id, level);
        jdbc.sql("update rating set level = ?, bad = ?, reason = ?, comment = ?, updated_at = ? where id = ?")
                .params(level, RatingLevel.bad(level), name(reason), comment, now, id).update();
    }

    Optional<RatingRow> find(String caseId, String subject, Channel channel, String raterId) {
        return jdbc.sql("select * from rating where case_id = ? and subject = ? and channel = ? and rater_id = ?")
                .params(caseId, subject, channel.name(), raterId).query(RatingRepository::row).optional();
    }

    Optional<RatingRow> find(String id) {
        return jdbc.sql("select * from rating where id = ?").param(id).query(RatingRepository::row).optional();
    }

    List<RatingRow> ofCase(String caseId) {
        return jdbc.sql("select * from rating where case_id = ? order by rated_at").param(caseId)
                .query(RatingRepository::row).list();
    }

    List<RatingRow> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql("select * from rating where id in (:ids)").param("ids", ids).query(RatingRepository::row)
                        .list();
    }

    List<String> openRectifications(int limit, int offset) {
        return jdbc.sql("""
                select id from rating where rectification_status not in ('CLOSED', 'EXCLUDED')
                order by updated_at limit ? offset ?""").params(limit, offset).query(String.class).list();
    }

    long countOpenRectifications() {
        return jdbc.sql("select count(*) from rating where rectification_status not in ('CLOSED', 'EXCLUDED')")
                .query(Long.class).single();
    }

    void status(String id, RectificationStatus status) {
        jdbc.sql("update rating set rectification_status = ? where id = ?").params(status.name(), id).update();
    }

    void closed(String id, RectificationStatus status, String outcome, OffsetDateTime at, LocalDate appealableUntil) {
        jdbc.sql("""
                update rating set rectification_status = ?, outcome = ?, closed_at = ?, appealable_until = ?
                where id = ?""")
                .params(status.name(), outcome, at, appealableUntil, id).update();
    }

    void addEvent(String ratingId, OffsetDateTime at, String type, String actor, String message) {
        jdbc.sql("insert into rating_event (rating_id, at, type, actor, message) values (?, ?, ?, ?, ?)")
                .params(ratingId, at, type, actor, message).update();
    }

    List<Entry> events(String ratingId) {
        return jdbc.sql("select at, type, actor, message from rating_event where rating_id = ? order by id")
                .param(ratingId)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static RatingRow row(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reason");
        String status = rs.getString("rectification_status");
        return new RatingRow(rs.getString("id"), rs.getString("case_id"), rs.getString("subject"),
                rs.getString("item_code"), Channel.valueOf(rs.getString("channel")), rs.getString("bundle_code"),
                rs.getString("department"), rs.getString("officer"), rs.getString("rater_id"), rs.getInt("level"),
                rs.getBoolean("bad"), reason == null ? null : BadReason.valueOf(reason), rs.getString("comment"),
                rs.getObject("rated_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                status == null ? null : RectificationStatus.valueOf(status), rs.getString("outcome"),
                rs.getObject("appealable_until", LocalDate.class));
    }
}
