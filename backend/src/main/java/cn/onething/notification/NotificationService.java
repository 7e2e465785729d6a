package cn.onething.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.security.CurrentUser;
import cn.onething.web.NotFoundException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * In-app notifications. A notification goes to one user (by login name, as tasks are assigned) or to
 * the leads of a department, whoever they are when they look. What goes to an applicant is also sent through
 * the message channel (SMS), by {@link MessageRelay} once the notification is committed.
 */
@Service
public class NotificationService {

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a notification is about. */
    public record Subject(String caseId, String itemCode, String taskId) {
    }

    public void toUser(String username, Notification.Kind kind, String message, Subject about) {
        insert("user:" + username, kind, message, about);
    }

    public void toLeads(String department, Notification.Kind kind, String message, Subject about) {
        insert("lead:" + department, kind, message, about);
    }

    /**
     * To an applicant, by the subject of their token (applicants are known by id, officers by login), in the app
     * and through the message channel.
     */
    public void toApplicant(String userId, Notification.Kind kind, String message, Subject about) {
        long id = insert("id:" + userId, kind, message, about);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into outgoing_message (notification_id, recipient_id, case_id, text, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, userId, about.caseId(), "【一件事联办】" + message, now, now).update();
    }

    public void toManagers(Notification.Kind kind, String message, Subject about) {
        insert("role:manager", kind, message, about);
    }

    private long insert(String recipient, Notification.Kind kind, String message, Subject about) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification (recipient, kind, message, case_id, item_code, task_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(recipient, kind.name(), message, about.caseId(), about.itemCode(), about.taskId(),
                        OffsetDateTime.now(clock))
                .update(key, "id");
        return key.getKey().longValue();
    }

    @Transactional(readOnly = true)
    public PageResult<Notification> list(CurrentUser user, boolean unreadOnly, PageQuery page) {
        String where = "n.recipient in (:recipients)" + (unreadOnly ? " and n.read_at is null" : "");
        List<Notification> items = jdbc.sql("""
                select n.id, n.kind, n.message, n.case_id, c.number, n.item_code, n.task_id, n.created_at, n.read_at
                from notification n left join case_file c on c.id = n.case_id
                where %s order by case when n.read_at is null then 0 else 1 end, n.id desc
                limit :limit offset :offset""".formatted(where))
                .param("recipients", recipients(user))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Notification(rs.getLong(1), Notification.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
                .list();
        long total = jdbc.sql("select count(*) from notification n where " + where)
                .param("recipients", recipients(user)).query(Long.class).single();
        return new PageResult<>(items, total);
    }

    public long unread(CurrentUser user) {
        return jdbc.sql("select count(*) from notification where recipient in (:recipients) and read_at is null")
                .param("recipients", recipients(user)).query(Long.class).single();
    }

    /** Marks one of the user's notifications read; someone else's is not found. */
    public void markRead(CurrentUser user, long id) {
        int found = jdbc.sql("""
                update notification set read_at = coalesce(read_at, :now) where id = :id and recipient in (:recipients)""")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("recipients", recipients(user))
                .update();
        if (found == 0) {
            throw new NotFoundException("没有这条提醒：" + id);
        }
    }

    public void markAllRead(CurrentUser user) {
        jdbc.sql("update notification set read_at = :now where read_at is null and recipient in (:recipients)")
                .param("now", OffsetDateTime.now(clock)).param("recipients", recipients(user)).update();
    }

    private static List<String> recipients(CurrentUser user) {
        List<String> recipients = new ArrayList<>();
        recipients.add("user:" + user.username());
        recipients.add("id:" + user.id());
        if (user.isManager()) {
            recipients.add("role:manager");
        }
        if (user.isLead()) {
            user.departments().forEach(d -> recipients.add("lead:" + d));
        }
        return recipients;
    }
}
