package cn.onething.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.onething.casefile.Decision;
import cn.onething.task.Countersign.Mode;
import cn.onething.task.Countersign.Rule;
import cn.onething.task.Countersign.SignerState;
import cn.onething.task.Countersign.Status;

/** Countersigns of item tasks and their signers, each signer's engine task while it is their turn. */
@Repository
class CountersignRepository {

    /** A countersign with what the engine and the case need of it. */
    record Row(long id, String hostTaskId, String caseId, String itemCode, Mode mode, Rule rule, Status status,
            String requestedBy, String requestedByName, OffsetDateTime requestedAt, String note,
            Decision pendingDecision, String pendingComment, List<String> pendingMissing) {
    }

    record SignerRow(long countersignId, String username, String name, int position, SignerState state,
            String taskId, String opinion, OffsetDateTime signedAt) {

        Countersign.Signer view() {
            return new Countersign.Signer(username, name, position, state, opinion, signedAt);
        }
    }

    private static final String COLUMNS = """
            c.id, c.host_task_id, c.case_id, c.item_code, c.mode, c.sign_rule, c.status, c.requested_by,
            c.requested_by_name, c.requested_at, c.note, c.pending_decision, c.pending_comment, c.pending_missing""";
    private static final String SIGNER_COLUMNS = """
            countersign_id, username, name, position, state, task_id, opinion, signed_at""";

    private final JdbcClient jdbc;

    CountersignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String hostTaskId, String caseId, String itemCode, Mode mode, Rule rule, String requestedBy,
            String requestedByName, OffsetDateTime at, String note, List<OfficerRef> signers) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into countersign (host_task_id, case_id, item_code, mode, sign_rule, status, requested_by,
                    requested_by_name, requested_at, note) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
                .params(hostTaskId, caseId, itemCode, mode.name(), rule == null ? null : rule.name(), requestedBy,
                        requestedByName, at, note)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < signers.size(); i++) {
            jdbc.sql("""
                    insert into countersign_signer (countersign_id, username, name, position, state)
                    values (?, ?, ?, ?, 'WAITING')""")
                    .params(id, signers.get(i).username(), signers.get(i).name(), i + 1).update();
        }
        return id;
    }

    record OfficerRef(String username, String name) {
    }

    /** The newest countersign of the task. */
    Optional<Row> newest(String hostTaskId) {
        return jdbc.sql("select " + COLUMNS + " from countersign c where host_task_id = ? order by id desc limit 1")
                .param(hostTaskId).query(CountersignRepository::row).optional();
    }

    /** The newest countersign of the task, locked against a concurrent signature until the transaction ends. */
    Optional<Row> lockNewest(String hostTaskId) {
        return jdbc.sql("select " + COLUMNS + " from countersign c where id = "
                + "(select max(id) from countersign where host_task_id = ?) for update")
                .param(hostTaskId).query(CountersignRepository::row).optional();
    }

    /** The countersign, locked against a concurrent signature until the transaction ends. */
    Optional<Row> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from countersign c where id = ? for update").param(id)
                .query(CountersignRepository::row).optional();
    }

    List<Row> ofTask(String hostTaskId) {
        return jdbc.sql("select " + COLUMNS + " from countersign c where host_task_id = ? order by id desc")
                .param(hostTaskId).query(CountersignRepository::row).list();
    }

    /** The status of each task's newest countersign, for tasks that have one. */
    Map<String, Status> newestStatuses(Collection<String> hostTaskIds) {
        Map<String, Status> statuses = new HashMap<>();
        if (!hostTaskIds.isEmpty()) {
            jdbc.sql("""
                    select host_task_id, status from countersign where id in (
                        select max(id) from countersign where host_task_id in (:ids) group by host_task_id)""")
                    .param("ids", hostTaskIds)
                    .query(rs -> {
                        statuses.put(rs.getString(1), Status.valueOf(rs.getString(2)));
                    });
        }
        return statuses;
    }

    List<SignerRow> signers(long countersignId) {
        return signers(List.of(countersignId)).getOrDefault(countersignId, List.of());
    }

    /** Each countersign's signers in their order. */
    Map<Long, List<SignerRow>> signers(Collection<Long> countersignIds) {
        Map<Long, List<SignerRow>> signers = new HashMap<>();
        if (!countersignIds.isEmpty()) {
            jdbc.sql("select " + SIGNER_COLUMNS + " from countersign_signer where countersign_id in (:ids) "
                    + "order by position").param("ids", countersignIds).query(CountersignRepository::signer).list()
                    .forEach(s -> signers.computeIfAbsent(s.countersignId(), id -> new ArrayList<>()).add(s));
        }
        return signers;
    }

    /** The signer whose own task this is (open or signed). */
    Optional<SignerRow> signerByTask(String taskId) {
        return jdbc.sql("select " + SIGNER_COLUMNS + " from countersign_signer where task_id = ?").param(taskId)
                .query(CountersignRepository::signer).optional();
    }

    /** What each of these tasks belongs to, for those that are a signer's own task. */
    Map<String, Row> countersignsOfSignTasks(Collection<String> taskIds) {
        Map<String, Row> found = new HashMap<>();
        if (!taskIds.isEmpty()) {
            jdbc.sql("select s.task_id, " + COLUMNS + """
                     from countersign_signer s join countersign c on c.id = s.countersign_id
                    where s.task_id in (:ids)""")
                    .param("ids", taskIds)
                    .query(rs -> {
                        found.put(rs.getString(1), columns(rs, 1));
                    });
        }
        return found;
    }

    boolean isSigner(String hostTaskId, String username) {
        return jdbc.sql("""
                select count(*) from countersign_signer s join countersign c on c.id = s.countersign_id
                where c.host_task_id = ? and s.username = ?""").params(hostTaskId, username).query(Long.class)
                .single() > 0;
    }

    void activate(long countersignId, String username, String taskId) {
        jdbc.sql("""
                update countersign_signer set state = 'ACTIVE', task_id = ?
                where countersign_id = ? and username = ?""")
                .params(taskId, countersignId, username).update();
    }

    void sign(long countersignId, String username, SignerState state, String opinion, OffsetDateTime at) {
        jdbc.sql("""
                update countersign_signer set state = ?, opinion = ?, signed_at = ?
                where countersign_id = ? and username = ?""")
                .params(state.name(), opinion, at, countersignId, username).update();
    }

    void setState(long countersignId, String username, SignerState state) {
        jdbc.sql("update countersign_signer set state = ? where countersign_id = ? and username = ?")
                .params(state.name(), countersignId, username).update();
    }

    /** Settles the countersign; who had not signed yet need not any more. */
    void close(long id, Status status) {
        jdbc.sql("update countersign set status = ? where id = ?").params(status.name(), id).update();
        jdbc.sql("""
                update countersign_signer set state = 'SKIPPED'
                where countersign_id = ? and state in ('WAITING', 'ACTIVE')""").param(id).update();
    }

    /** Cancels the task's open countersign (the task ended otherwise); true when there was one. */
    boolean cancelOpen(String hostTaskId) {
        return newest(hostTaskId).filter(c -> c.status() == Status.OPEN).map(c -> {
            close(c.id(), Status.CANCELLED);
            return true;
        }).orElse(false);
    }

    void holdDecision(long id, Decision decision, String comment, List<String> missing) {
        jdbc.sql("update countersign set pending_decision = ?, pending_comment = ?, pending_missing = ? where id = ?")
                .params(decision.value(), comment, missing == null || missing.isEmpty() ? null
                        : String.join(",", missing), id)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return columns(rs, 0);
    }

    /** The countersign's columns from column `skip` + 1 on. */
    private static Row columns(ResultSet rs, int skip) throws SQLException {
        String rule = rs.getString(skip + 6);
        String missing = rs.getString(skip + 14);
        return new Row(rs.getLong(skip + 1), rs.getString(skip + 2), rs.getString(skip + 3), rs.getString(skip + 4),
                Mode.valueOf(rs.getString(skip + 5)), rule == null ? null : Rule.valueOf(rule),
                Status.valueOf(rs.getString(skip + 7)), rs.getString(skip + 8), rs.getString(skip + 9),
                rs.getObject(skip + 10, OffsetDateTime.class), rs.getString(skip + 11),
                Decision.of(rs.getString(skip + 12)), rs.getString(skip + 13),
                missing == null ? List.of() : List.of(missing.split(",")));
    }

    private static SignerRow signer(ResultSet rs, int n) throws SQLException {
        return new SignerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                SignerState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class));
    }
}
