package cn.onething.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onething.casefile.CaseViews.CaseStatus;
import cn.onething.casefile.CaseViews.TimelineEntry;
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

    CaseRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record CaseRow(String id, String number, String bundleCode, String applicantId, String applicantName,
            CaseStatus status, String formJson, OffsetDateTime submittedAt,
            OffsetDateTime completedAt) {
    }

    record ItemRow(String caseId, String itemCode, String department, ItemStatus status, String taskId,
            String comment, String decidedBy, OffsetDateTime startedAt, OffsetDateTime decidedAt,
            String supplementMissing, String supplementComment, OffsetDateTime supplementRequestedAt) {
    }

    record MaterialLink(String code, String materialId, String filename, String contentType, long size,
            String sha256) {
    }

    record SummaryRow(CaseRow row, int itemsDone, int itemsTotal) {
    }

    /** Who may see which cases: everything, a department's, or one applicant's. */
    record Scope(boolean all, Collection<String> departments, String applicantId) {
    }

    void insertCase(CaseRow c, Map<String, String> itemDepartments, Map<String, String> materials) {
        jdbc.sql("""
                insert into case_file (id, number, bundle_code, applicant_id, applicant_name, status, form_data,
                                       submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.number(), c.bundleCode(), c.applicantId(), c.applicantName(), c.status().name(),
                        c.formJson(), c.submittedAt())
                .update();
        List<Object[]> items = itemDepartments.entrySet().stream()
                .map(e -> new Object[] {c.id(), e.getKey(), e.getValue(), ItemStatus.WAITING.name()})
                .toList();
        batch.batchUpdate("insert into case_item (case_id, item_code, department, status) values (?, ?, ?, ?)", items);
        insertMaterials(c.id(), materials);
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

    /** Returns, per start, how many rows it updated: 0 where the process belongs to no case. */
    int[] itemTasksCreated(List<ItemStartJournal.ItemStart> starts, OffsetDateTime now) {
        return batch.batchUpdate("""
                update case_item set status = 'IN_PROGRESS', task_id = ?, started_at = coalesce(started_at, ?)
                where case_id = ? and item_code = ?""",
                starts.stream().map(s -> new Object[] {s.taskId(), now, s.caseId(), s.itemCode()}).toList());
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

    record TaskCaseRow(String taskId, String caseId, String number, String bundleCode, String itemCode,
            String department, String applicantName) {
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
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class));
    }

    private static ItemRow itemRow(ResultSet rs, int n) throws SQLException {
        return new ItemRow(rs.getString("case_id"), rs.getString("item_code"), rs.getString("department"),
                ItemStatus.valueOf(rs.getString("status")), rs.getString("task_id"), rs.getString("comment"),
                rs.getString("decided_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("supplement_missing"),
                rs.getString("supplement_comment"), rs.getObject("supplement_requested_at", OffsetDateTime.class));
    }
}
