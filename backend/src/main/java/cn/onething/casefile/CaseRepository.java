package cn.onething.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.casefile.CaseViews.CaseStatus;
import cn.onething.casefile.CaseViews.TimelineEntry;
import cn.onething.timelimit.Deadlines;
import cn.onething.timelimit.WorkingClock;
import cn.onething.web.PageQuery;

/** The case tables. Only the casefile feature touches them; others go through {@link CaseFileService}. */
@Repository
class CaseRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "submittedAt", "c.submitted_at", "number", "c.number", "status", "c.status",
            "completedAt", "c.completed_at");

    static final java.util.Set<String> SORTABLE = SORT_COLUMNS.keySet();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate savepoint;

    CaseRepository(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    record CaseRow(String id, String number, String bundleCode, String applicantId, String applicantName,
            CaseStatus status, String formJson, OffsetDateTime submittedAt,
            OffsetDateTime completedAt, WorkingClock clock) {
    }

    /** An item; its clock is null until its task first starts. */
    record ItemRow(String caseId, String itemCode, String department, ItemStatus status, String taskId,
            String comment, String decidedBy, OffsetDateTime startedAt, OffsetDateTime decidedAt,
            String supplementMissing, String supplementComment, OffsetDateTime supplementRequestedAt,
            WorkingClock clock, OffsetDateTime escalatedAt) {
    }

    record MaterialLink(String code, String materialId, String filename, String contentType, long size,
            String sha256) {
    }

    record SummaryRow(CaseRow row, int itemsDone, int itemsTotal) {
    }

    /** Who may see which cases: everything, a department's, or one applicant's. */
    record Scope(boolean all, Collection<String> departments, String applicantId) {
    }

    /** Files the case; false, with nothing written, when another case has its number already. */
    boolean insertCaseFile(CaseRow c) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            try {
                jdbc.sql("""
                        insert into case_file (id, number, bundle_code, applicant_id, applicant_name, status, form_data,
                                               submitted_at, limit_days, clock_started_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(c.id(), c.number(), c.bundleCode(), c.applicantId(), c.applicantName(),
                                c.status().name(), c.formJson(), c.submittedAt(), c.clock().limitDays(),
                                c.clock().startedOn())
                        .update();
                return true;
            } catch (DuplicateKeyException e) {
                // the number is the only key a new case can share; back to before the insert, the rest goes on
                status.setRollbackOnly();
                return false;
            }
        }));
    }

    void insertItems(String caseId, Map<String, String> itemDepartments, Map<String, String> materials) {
        List<Object[]> items = itemDepartments.entrySet().stream()
                .map(e -> new Object[] {caseId, e.getKey(), e.getValue(), ItemStatus.WAITING.name()})
                .toList();
        batch.batchUpdate("insert into case_item (case_id, item_code, department, status) values (?, ?, ?, ?)", items);
        insertMaterials(caseId, materials);
    }

    /** Replaces materials of a case, as a 补正 answer does. */
    void replaceMaterials(String caseId, Map<String, String> materials) {
        batch.batchUpdate("delete from case_material where case_id = ? and material_code = ?",
                materials.keySet().stream().map(code -> new Object[] {caseId, code}).toList());
        insertMaterials(caseId, materials);
    }

    private void insertMaterials(String caseId, Map<String, String> materials) {
        batch.batchUpdate("insert into case_material (case_id, material_code, material_id) values (?, ?, ?)",
                materials.entrySet().stream().map(e -> new Object[] {caseId, e.getKey(), e.getValue()}).toList());
    }

    void updateForm(String caseId, String formJson) {
        jdbc.sql("update case_file set form_data = ? where id = ?").params(formJson, caseId).update();
    }

    record EventRow(String caseId, OffsetDateTime at, String type, String itemCode, String actor, String message) {
    }

    void addEvent(String caseId, OffsetDateTime at, String type, String itemCode, String actor, String message) {
        addEvents(List.of(new EventRow(caseId, at, type, itemCode, actor, message)));
    }

    void addEvents(List<EventRow> events) {
        if (!events.isEmpty()) {
            batch.batchUpdate("insert into case_event (case_id, at, type, item_code, actor, message) values (?, ?, ?, ?, ?, ?)",
                    events.stream().map(e -> new Object[] {e.caseId(), e.at(), e.type(), e.itemCode(), e.actor(),
                            e.message()}).toList());
        }
    }

    Optional<CaseRow> findCase(String id) {
        return jdbc.sql("select * from case_file c where c.id = ?").param(id).query(CaseRepository::caseRow).optional();
    }

    List<ItemRow> items(String caseId) {
        return jdbc.sql("select * from case_item where case_id = ?").param(caseId).query(CaseRepository::itemRow).list();
    }

    Optional<ItemRow> item(String caseId, String itemCode) {
        return jdbc.sql("select * from case_item where case_id = ? and item_code = ?").params(caseId, itemCode)
                .query(CaseRepository::itemRow).optional();
    }

    int countItems(String caseId, ItemStatus status) {
        return jdbc.sql("select count(*) from case_item where case_id = ? and status = ?")
                .params(caseId, status.name()).query(Integer.class).single();
    }

    record TaskItemRow(String caseId, String bundleCode, String itemCode, String department, ItemStatus status) {
    }

    Optional<TaskItemRow> itemByTask(String taskId) {
        return jdbc.sql("""
                select i.case_id, c.bundle_code, i.item_code, i.department, i.status
                from case_item i join case_file c on c.id = i.case_id where i.task_id = ?""")
                .param(taskId)
                .query((rs, n) -> new TaskItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ItemStatus.valueOf(rs.getString(5))))
                .optional();
    }

    List<MaterialLink> materials(String caseId) {
        return jdbc.sql("""
                select cm.material_code, m.id, m.filename, m.content_type, m.size_bytes, m.sha256
                from case_material cm join material m on m.id = cm.material_id
                where cm.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new MaterialLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)))
                .list();
    }

    List<TimelineEntry> events(String caseId) {
        return jdbc.sql("select at, type, item_code, actor, message from case_event where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    List<SummaryRow> page(Scope scope, PageQuery page) {
        String order = SORT_COLUMNS.get(page.sort()) + (page.ascending() ? " asc" : " desc") + ", c.id";
        return jdbc.sql("""
                select c.*,
                       (select count(*) from case_item i where i.case_id = c.id
                          and i.status in ('APPROVED', 'REJECTED', 'SKIPPED')) as items_done,
                       (select count(*) from case_item i where i.case_id = c.id) as items_total
                from case_file c where %s order by %s limit :limit offset :offset"""
                .formatted(where(scope), order))
                .params(scopeParams(scope))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new SummaryRow(caseRow(rs, n), rs.getInt("items_done"), rs.getInt("items_total")))
                .list();
    }

    long count(Scope scope) {
        return jdbc.sql("select count(*) from case_file c where " + where(scope))
                .params(scopeParams(scope))
                .query(Long.class)
                .single();
    }

    /** A task started or resumed an item's clock. */
    /** `department`: the one the started task's version of the model names (a migrated case may have moved). */
    record ItemRun(String caseId, String itemCode, String taskId, String department, int limitDays,
            OffsetDateTime dueAt, OffsetDateTime warnAt) {
    }

    /** Returns, per run, how many rows it updated: 0 where the process belongs to no case. */
    int[] itemTasksCreated(List<ItemRun> runs, OffsetDateTime now) {
        return batch.batchUpdate("""
                update case_item set status = 'IN_PROGRESS', task_id = ?, department = ?,
                       started_at = coalesce(started_at, ?), limit_days = ?, clock_started_on = ?,
                       clock_stopped_on = null, due_at = ?, warn_at = ?
                where case_id = ? and item_code = ?""",
                runs.stream().map(r -> new Object[] {r.taskId(), r.department(), now, r.limitDays(),
                        now.toLocalDate(), r.dueAt(), r.warnAt(), r.caseId(), r.itemCode()}).toList());
    }

    void stopItemClock(String caseId, String itemCode, WorkingClock stopped) {
        jdbc.sql("""
                update case_item set elapsed_days = ?, clock_stopped_on = ?, due_at = null, warn_at = null
                where case_id = ? and item_code = ?""")
                .params(stopped.elapsedDays(), stopped.stoppedOn(), caseId, itemCode).update();
        jdbc.sql("insert into clock_stop (case_id, item_code, stopped_on) values (?, ?, ?)")
                .params(caseId, itemCode, stopped.stoppedOn()).update();
    }

    void resumeItemClock(String caseId, String itemCode, LocalDate day) {
        jdbc.sql("update clock_stop set resumed_on = ? where case_id = ? and item_code = ? and resumed_on is null")
                .params(day, caseId, itemCode).update();
    }

    /** 转办 to another department: the item is now that department's. */
    void moveItem(String caseId, String itemCode, String department) {
        jdbc.sql("update case_item set department = ? where case_id = ? and item_code = ?")
                .params(department, caseId, itemCode).update();
    }

    /** An item to be worked again after a 退回 or 撤回: waiting, with the working days it already used. */
    void resetItem(String caseId, String itemCode, int elapsedDays) {
        jdbc.sql("""
                update case_item set status = 'WAITING', task_id = null, comment = null, decided_by = null,
                       decided_at = null, supplement_missing = null, supplement_comment = null,
                       supplement_requested_at = null, elapsed_days = ?, clock_stopped_on = null, due_at = null,
                       warn_at = null
                where case_id = ? and item_code = ?""").params(elapsedDays, caseId, itemCode).update();
    }

    /** Whether a copy of one of the case's tasks was sent to the user (抄送): they may read the case. */
    boolean copiedTo(String caseId, String username) {
        return jdbc.sql("select count(*) from task_cc where case_id = ? and recipient = ?").params(caseId, username)
                .query(Long.class).single() > 0;
    }

    /** Whether the officer is asked to sign one of the case's tasks (加签 / 会签), and was not left out again. */
    boolean countersignedBy(String caseId, String username) {
        return jdbc.sql("""
                select count(*) from countersign c join countersign_signer s on s.countersign_id = c.id
                where c.case_id = ? and s.username = ? and s.state <> 'REMOVED'""").params(caseId, username)
                .query(Long.class).single() > 0;
    }

    void updateCaseClock(String caseId, WorkingClock clock) {
        jdbc.sql("update case_file set elapsed_days = ?, clock_started_on = ?, clock_stopped_on = ? where id = ?")
                .params(clock.elapsedDays(), clock.startedOn(), clock.stoppedOn(), caseId).update();
    }

    record StopRow(String itemCode, Deadlines.ClockStop stop) {
    }

    List<StopRow> clockStops(String caseId) {
        return jdbc.sql("select item_code, stopped_on, resumed_on from clock_stop where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new StopRow(rs.getString(1), new Deadlines.ClockStop(
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .list();
    }

    /** Marks an item escalated once; returns false when it already was. */
    boolean escalate(String taskId, OffsetDateTime now) {
        return jdbc.sql("update case_item set escalated_at = ? where task_id = ? and escalated_at is null")
                .params(now, taskId).update() == 1;
    }

    record LightCount(String department, int open, int green, int yellow, int red, int paused) {
    }

    /** Open items per department by light, counted from the due and warning dates their tasks carry. */
    List<LightCount> lightCounts(OffsetDateTime now) {
        return jdbc.sql("""
                select department, count(*),
                       sum(case when status = 'IN_PROGRESS' and warn_at > :now then 1 else 0 end),
                       sum(case when status = 'IN_PROGRESS' and warn_at <= :now and due_at >= :now then 1 else 0 end),
                       sum(case when status = 'IN_PROGRESS' and due_at < :now then 1 else 0 end),
                       sum(case when status = 'SUPPLEMENT' then 1 else 0 end)
                from case_item where status in ('IN_PROGRESS', 'SUPPLEMENT') group by department""")
                .param("now", now)
                .query((rs, n) -> new LightCount(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
                .list();
    }

    record LateItemRow(String caseId, String number, String bundleCode, String itemCode, String department,
            OffsetDateTime dueAt, OffsetDateTime warnAt, OffsetDateTime escalatedAt) {
    }

    /** Open items past their deadline (red) or near it (yellow), most urgent first. */
    List<LateItemRow> lateItems(boolean overdue, String department, OffsetDateTime now, PageQuery page) {
        return jdbc.sql("""
                select i.case_id, c.number, c.bundle_code, i.item_code, i.department, i.due_at, i.warn_at,
                       i.escalated_at
                from case_item i join case_file c on c.id = i.case_id
                where %s order by i.due_at, i.case_id limit :limit offset :offset"""
                .formatted(lateWhere(overdue, department)))
                .params(lateParams(department, now))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new LateItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    long countLateItems(boolean overdue, String department, OffsetDateTime now) {
        return jdbc.sql("select count(*) from case_item i where " + lateWhere(overdue, department))
                .params(lateParams(department, now)).query(Long.class).single();
    }

    private static String lateWhere(boolean overdue, String department) {
        return "i.status = 'IN_PROGRESS' and "
                + (overdue ? "i.due_at < :now" : "i.warn_at <= :now and i.due_at >= :now")
                + (department == null ? "" : " and i.department = :department");
    }

    private static Map<String, Object> lateParams(String department, OffsetDateTime now) {
        return department == null ? Map.of("now", now) : Map.of("now", now, "department", department);
    }

    /** Records a decision only while the task is still open: the second of two racing officers gets 0. */
    int decide(String taskId, ItemStatus status, String comment, String decidedBy, OffsetDateTime now,
            String supplementMissing) {
        boolean supplement = status == ItemStatus.SUPPLEMENT;
        return jdbc.sql("""
                update case_item set status = ?, comment = ?, decided_by = ?, decided_at = ?,
                       supplement_missing = ?, supplement_comment = ?, supplement_requested_at = ?
                where task_id = ? and status = 'IN_PROGRESS'""")
                .params(status.name(), supplement ? null : comment, decidedBy, supplement ? null : now,
                        supplementMissing, supplement ? comment : null, supplement ? now : null, taskId)
                .update();
    }

    /** 告知承诺: the item is approved the moment it starts, with no task and no officer. */
    int approveOnCommitment(String caseId, String itemCode, int limitDays, String comment, String decidedBy,
            OffsetDateTime now) {
        return jdbc.sql("""
                update case_item set status = 'APPROVED', started_at = ?, decided_at = ?, decided_by = ?, comment = ?,
                       limit_days = ?, clock_started_on = ?
                where case_id = ? and item_code = ? and status = 'WAITING'""")
                .params(now, now, decidedBy, comment, limitDays, now.toLocalDate(), caseId, itemCode).update();
    }

    List<String> skipWaitingItems(String caseId, String reason) {
        List<String> waiting = jdbc.sql("select item_code from case_item where case_id = ? and status = 'WAITING'")
                .param(caseId).query(String.class).list();
        jdbc.sql("update case_item set status = 'SKIPPED', comment = ? where case_id = ? and status = 'WAITING'")
                .params(reason, caseId).update();
        return waiting;
    }

    void complete(String caseId, OffsetDateTime now) {
        jdbc.sql("update case_file set status = 'COMPLETED', completed_at = ? where id = ?").params(now, caseId).update();
    }

    List<TaskCaseRow> taskCases(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.task_id, c.id, c.number, c.bundle_code, i.item_code, i.department, c.applicant_name
                from case_item i join case_file c on c.id = i.case_id where i.task_id in (:ids)""")
                .param("ids", taskIds)
                .query((rs, n) -> new TaskCaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<String> openCasesOf(String applicantName, int limit) {
        return jdbc.sql("select id from case_file where applicant_name = ? and completed_at is null order by id limit ?")
                .params(applicantName, limit).query(String.class).list();
    }

    record TaskCaseRow(String taskId, String caseId, String number, String bundleCode, String itemCode,
            String department, String applicantName) {
    }

    Map<String, String> numbers(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> numbers = new HashMap<>();
        jdbc.sql("select id, number from case_file where id in (:ids)").param("ids", caseIds)
                .query(rs -> {
                    numbers.put(rs.getString(1), rs.getString(2));
                });
        return numbers;
    }

    List<String> latestForms(String applicantId, int limit) {
        return jdbc.sql("select form_data from case_file where applicant_id = ? order by submitted_at desc limit ?")
                .params(applicantId, limit).query(String.class).list();
    }

    private static String where(Scope scope) {
        if (scope.all()) {
            return "1 = 1";
        }
        if (scope.applicantId() != null) {
            return "c.applicant_id = :applicant";
        }
        return "exists (select 1 from case_item d where d.case_id = c.id and d.department in (:departments))";
    }

    private static Map<String, Object> scopeParams(Scope scope) {
        if (scope.applicantId() != null) {
            return Map.of("applicant", scope.applicantId());
        }
        return scope.all() ? Map.of() : Map.of("departments", scope.departments());
    }

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getString("id"), rs.getString("number"), rs.getString("bundle_code"),
                rs.getString("applicant_id"), rs.getString("applicant_name"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("form_data"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
                clock(rs));
    }

    private static WorkingClock clock(ResultSet rs) throws SQLException {
        LocalDate started = rs.getObject("clock_started_on", LocalDate.class);
        return started == null ? null : new WorkingClock(rs.getInt("limit_days"), started, rs.getInt("elapsed_days"),
                rs.getObject("clock_stopped_on", LocalDate.class));
    }

    private static ItemRow itemRow(ResultSet rs, int n) throws SQLException {
        return new ItemRow(rs.getString("case_id"), rs.getString("item_code"), rs.getString("department"),
                ItemStatus.valueOf(rs.getString("status")), rs.getString("task_id"), rs.getString("comment"),
                rs.getString("decided_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("supplement_missing"),
                rs.getString("supplement_comment"), rs.getObject("supplement_requested_at", OffsetDateTime.class),
                clock(rs), rs.getObject("escalated_at", OffsetDateTime.class));
    }
}
