package cn.onething.task;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.web.PageQuery;

/** Copies of tasks sent to officers (抄送): they may read the case, and see the copy in their inbox. */
@Repository
class TaskCopies {

    record Copy(long id, String taskId, String caseId, String itemCode, String taskName, String sentBy,
            OffsetDateTime sentAt, String note, OffsetDateTime readAt) {
    }

    private final JdbcClient jdbc;

    TaskCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void send(String taskId, String caseId, String itemCode, String taskName, List<String> recipients, String sentBy,
            OffsetDateTime at, String note) {
        for (String recipient : recipients) {
            jdbc.sql("""
                    insert into task_cc (task_id, case_id, item_code, task_name, recipient, sent_by, sent_at, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(taskId, caseId, itemCode, taskName, recipient, sentBy, at, note).update();
        }
    }

    List<Copy> to(String recipient, PageQuery page) {
        return jdbc.sql("""
                select id, task_id, case_id, item_code, task_name, sent_by, sent_at, note, read_at from task_cc
                where recipient = ? order by id desc limit ? offset ?""")
                .params(recipient, page.size(), page.offset())
                .query((rs, n) -> new Copy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    long count(String recipient) {
        return jdbc.sql("select count(*) from task_cc where recipient = ?").param(recipient).query(Long.class).single();
    }

    /** Marks the recipient's copy read; false when they have no such copy. */
    boolean read(String recipient, long id, OffsetDateTime at) {
        return jdbc.sql("update task_cc set read_at = coalesce(read_at, ?) where id = ? and recipient = ?")
                .params(at, id, recipient).update() == 1;
    }
}
