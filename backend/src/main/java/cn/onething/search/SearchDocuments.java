package cn.onething.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.rating.BadReason;
import cn.onething.rating.RatingLevel;
import cn.onething.web.Mask;

/**
 * Builds the search documents from the database, whole, as they are now: the outbox only says which changed.
 * A document whose row is gone (a completed task) is absent from the answer: the relay deletes it.
 */
@Component
class SearchDocuments {

    private static final TypeReference<Map<String, String>> FORM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final BundleCatalog catalog;
    private final PersonalKeys personal;
    private final ObjectMapper json;
    private final Clock clock;

    SearchDocuments(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, BundleCatalog catalog,
            PersonalKeys personal, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.catalog = catalog;
        this.personal = personal;
        this.json = json;
    }

    List<SearchDocument> build(SearchDocType type, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return switch (type) {
            case CASE -> cases(ids);
            case TASK -> tasks(ids);
            case RATING -> ratings(ids);
            case LICENCE -> licences(ids);
        };
    }

    /** Every id of a type, in pages, for a rebuild of the index. */
    List<String> ids(SearchDocType type, String after, int limit) {
        return switch (type) {
            case CASE -> page("select id from case_file where id > ? order by id limit ?", after, limit);
            case RATING -> page("select id from rating where id > ? order by id limit ?", after, limit);
            case LICENCE -> page("select number from licence where number > ? order by number limit ?", after, limit);
            // the engine's query has no "after": its table read the same way as ours
            case TASK -> page("select id_ from act_ru_task where id_ > ? order by id_ limit ?", after, limit);
        };
    }

    private List<String> page(String sql, String after, int limit) {
        return jdbc.sql(sql).params(after, limit).query(String.class).list();
    }

    private record ItemRow(String caseId, String itemCode, String department, String status) {
    }

    private List<SearchDocument> cases(Collection<String> ids) {
        Map<String, List<ItemRow>> items = new HashMap<>();
        jdbc.sql("select case_id, item_code, department, status from case_item where case_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new ItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(i -> items.computeIfAbsent(i.caseId(), k -> new ArrayList<>()).add(i));
        return jdbc.sql("""
                select id, number, bundle_code, applicant_id, applicant_name, status, form_data, submitted_at
                from case_file where id in (:ids)""").param("ids", ids)
                .query((rs, n) -> caseDocument(rs, items.getOrDefault(rs.getString(1), List.of()))).list();
    }

    private SearchDocument caseDocument(ResultSet rs, List<ItemRow> items) throws SQLException {
        String bundleCode = rs.getString(3);
        Optional<Bundle> bundle = catalog.bundle(bundleCode);
        Map<String, String> form = form(rs.getString(7));
        List<String> names = new ArrayList<>(List.of(rs.getString(5)));
        Set<String> keys = new LinkedHashSet<>(List.of(rs.getString(2)));
        Set<String> secrets = new LinkedHashSet<>();
        bundle.ifPresent(b -> b.fields().forEach(field -> {
            String value = form.get(field.code());
            if (value == null || value.isBlank()) {
                return;
            }
            switch (field.type()) {
                case TEXT -> names.add(value);
                case ID_NUMBER -> {
                    secrets.add(personal.hash(value));
                    keys.addAll(personal.tails(value));
                }
                case PHONE -> secrets.add(personal.hash(value));
                case CREDIT_CODE -> keys.add(value.strip().toUpperCase());
                default -> {
                }
            }
        }));
        List<String> itemNames = items.stream().map(i -> bundle.flatMap(b -> b.item(i.itemCode()))
                .map(Bundle.Item::name).orElse(i.itemCode())).toList();
        List<String> departments = items.stream().map(ItemRow::department).distinct().toList();
        String bundleName = bundle.map(Bundle::name).orElse(bundleCode);
        String text = String.join(" ", Stream.of(itemNames.stream(),
                departments.stream().map(catalog::departmentName),
                bundle.stream().flatMap(b -> b.materials().stream().map(Bundle.MaterialSpec::name)))
                .flatMap(s -> s).toList());
        return new SearchDocument(SearchDocType.CASE.code(), rs.getString(1), bundleName + " " + rs.getString(2),
                "申请人 " + Mask.name(rs.getString(5)) + " · " + items.size() + " 个事项", text, names,
                List.copyOf(keys), List.copyOf(secrets), rs.getString(1), rs.getString(2), bundleCode, bundleName,
                rs.getString(6), departments, rs.getString(4), instant(rs, 8));
    }

    private List<SearchDocument> tasks(Collection<String> ids) {
        List<Task> found = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list();
        if (found.isEmpty()) {
            return List.of();
        }
        // in one read each, not one engine command per task: a task may be completed meanwhile
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.sql("""
                select task_id_, group_id_ from act_ru_identitylink
                where type_ = 'candidate' and group_id_ is not null and task_id_ in (:ids)""")
                .param("ids", found.stream().map(Task::getId).toList())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2).replace(":lead", "")))
                .list().forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, String> caseIds = new HashMap<>();
        runtime.createProcessInstanceQuery()
                .processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().forEach(p -> caseIds.put(p.getId(), p.getBusinessKey()));
        Map<String, CaseRef> refs = caseRefs(caseIds.values());
        List<SearchDocument> documents = new ArrayList<>();
        for (Task task : found) {
            String caseId = caseIds.get(task.getProcessInstanceId());
            Optional<CaseRef> ref = Optional.ofNullable(caseId).map(refs::get);
            List<String> departments = groups.getOrDefault(task.getId(), List.of()).stream().distinct().toList();
            String bundleName = ref.map(CaseRef::bundleName).orElse("");
            documents.add(new SearchDocument(SearchDocType.TASK.code(), task.getId(),
                    task.getName() + ref.map(r -> " · " + r.number()).orElse(""),
                    bundleName + (task.getAssignee() == null ? " · 待认领" : " · 已认领"),
                    task.getName() + " " + bundleName + " " + String.join(" ",
                            departments.stream().map(catalog::departmentName).toList()),
                    ref.map(r -> List.of(r.applicantName())).orElse(List.of()),
                    ref.map(r -> List.of(r.number())).orElse(List.of()), List.of(), caseId,
                    ref.map(CaseRef::number).orElse(null), ref.map(CaseRef::bundleCode).orElse(null), bundleName,
                    task.getAssignee() == null ? "OPEN" : "CLAIMED", departments, null,
                    task.getDueDate() == null ? task.getCreateTime().toInstant() : task.getDueDate().toInstant()));
        }
        return documents;
    }

    private record CaseRef(String number, String bundleCode, String bundleName, String applicantName) {
    }

    private Map<String, CaseRef> caseRefs(Collection<String> caseIds) {
        List<String> known = caseIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, CaseRef> refs = new HashMap<>();
        if (!known.isEmpty()) {
            jdbc.sql("select id, number, bundle_code, applicant_name from case_file where id in (:ids)")
                    .param("ids", known)
                    .query((rs, n) -> Map.entry(rs.getString(1), new CaseRef(rs.getString(2), rs.getString(3),
                            bundleName(rs.getString(3)), rs.getString(4))))
                    .list().forEach(e -> refs.put(e.getKey(), e.getValue()));
        }
        return refs;
    }

    private List<SearchDocument> ratings(Collection<String> ids) {
        return jdbc.sql("""
                select r.id, r.case_id, c.number, r.bundle_code, r.department, r.rater_id, r.level, r.bad, r.reason,
                       r.comment, r.rectification_status, r.rated_at
                from rating r join case_file c on c.id = r.case_id where r.id in (:ids)""").param("ids", ids)
                .query((rs, n) -> {
                    String bundleName = bundleName(rs.getString(4));
                    String level = RatingLevel.label(rs.getInt(7));
                    String reason = BadReason.labelOf(rs.getString(9));
                    String summary = level + (reason == null ? "" : "（" + reason + "）") + " · "
                            + catalog.departmentName(rs.getString(5));
                    return new SearchDocument(SearchDocType.RATING.code(), rs.getString(1),
                            (rs.getBoolean(8) ? "差评" : "评价") + " · " + bundleName + " " + rs.getString(3), summary,
                            String.join(" ", Stream.of(level, reason, rs.getString(10),
                                    catalog.departmentName(rs.getString(5))).filter(s -> s != null).toList()),
                            List.of(), List.of(rs.getString(3)), List.of(), rs.getString(2), rs.getString(3),
                            rs.getString(4), bundleName,
                            rs.getString(11) != null ? rs.getString(11) : rs.getBoolean(8) ? "BAD" : "GOOD",
                            List.of(rs.getString(5)), rs.getString(6), instant(rs, 12));
                }).list();
    }

    private List<SearchDocument> licences(Collection<String> ids) {
        return jdbc.sql("""
                select l.number, l.licence_name, l.case_id, c.number, l.bundle_code, l.holder_id, l.holder_name,
                       l.holder_credit_code, l.scope, l.department, l.supervisor, l.status, l.valid_until, l.valid_from
                from licence l join case_file c on c.id = l.case_id where l.number in (:ids)""").param("ids", ids)
                .query((rs, n) -> {
                    List<String> departments = Stream.of(rs.getString(10), rs.getString(11))
                            .filter(d -> d != null).distinct().toList();
                    List<String> keys = Stream.of(rs.getString(1), rs.getString(8)).filter(k -> k != null).toList();
                    LocalDate until = rs.getObject(13, LocalDate.class);
                    // as the licence pages read it: expiry is a date passing, never stored
                    String status = "VALID".equals(rs.getString(12)) && LocalDate.now(clock).isAfter(until)
                            ? "EXPIRED" : rs.getString(12);
                    return new SearchDocument(SearchDocType.LICENCE.code(), rs.getString(1), rs.getString(2),
                            rs.getString(7) + " · " + rs.getString(1) + " · 有效期至 " + until,
                            String.join(" ", Stream.of(rs.getString(2), rs.getString(7), rs.getString(9),
                                    catalog.departmentName(rs.getString(10))).filter(s -> s != null).toList()),
                            List.of(), keys, List.of(), rs.getString(3), rs.getString(4), rs.getString(5),
                            bundleName(rs.getString(5)), status, departments, rs.getString(6),
                            rs.getObject(14, LocalDate.class).atStartOfDay(cn.onething.ClockConfig.BEIJING).toInstant());
                }).list();
    }

    private String bundleName(String code) {
        return catalog.bundle(code).map(Bundle::name).orElse(code);
    }

    private Map<String, String> form(String formJson) {
        try {
            return json.readValue(formJson, FORM);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case form is not JSON", e);
        }
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
