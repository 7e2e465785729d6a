package cn.onething.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;
import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/** Saved views of the inbox (常用视图): a tab with its filters and order, kept per user or shared per department. */
@RestController
@RequestMapping("/api/task-views")
class SavedViews {

    record SavedView(long id, String name, InboxView view, InboxFilter filters, String sort, String order,
            boolean shared, String department, String ownerName, boolean editable, long count) {
    }

    record NewView(String name, InboxView view, InboxFilter filters, String sort, String order, boolean shared) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final InboxService inbox;
    private final Clock clock;
    private final BundleCatalog catalog;

    SavedViews(JdbcClient jdbc, ObjectMapper json, InboxService inbox, Clock clock, BundleCatalog catalog) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.json = json;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Mine and those shared with my departments, each with how many tasks it holds now. */
    @GetMapping
    List<SavedView> list(CurrentUser user) {
        requireStaff(user);
        List<String> departments = new ArrayList<>(user.departments());
        departments.add(""); // an empty `in` list is not valid SQL
        return jdbc.sql("""
                select id, owner, owner_name, department, name, inbox_view, filters, sort, sort_order from task_view
                where owner = :owner or department in (:departments) order by department nulls first, name""")
                .param("owner", user.username()).param("departments", departments)
                .query((rs, n) -> {
                    InboxView view = InboxView.valueOf(rs.getString("inbox_view"));
                    InboxFilter filters = read(rs.getString("filters"));
                    return new SavedView(rs.getLong("id"), rs.getString("name"), view, filters, rs.getString("sort"),
                            rs.getString("sort_order"), rs.getString("department") != null,
                            rs.getString("department"), rs.getString("owner_name"),
                            user.username().equals(rs.getString("owner")), -1);
                }).list().stream()
                .map(v -> new SavedView(v.id(), v.name(), v.view(), v.filters(), v.sort(), v.order(), v.shared(),
                        v.department(), v.ownerName(), v.editable(), countOrNone(user, v)))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SavedView save(CurrentUser user, @RequestBody NewView request) {
        requireStaff(user);
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new FieldError("name", "size", "视图名称须为 1 到 50 个字", "name must have 1 to 50 characters"));
        }
        if (request.view() == null) {
            errors.add(new FieldError("view", "required", "请选择视图所在的标签页", "view is required"));
        }
        if (request.sort() != null && !InboxService.SORTABLE.contains(request.sort())) {
            errors.add(new FieldError("sort", "oneOf", "排序字段只能是 " + String.join("、", InboxService.SORTABLE),
                    "unknown sort"));
        }
        if (request.order() != null && !Set.of("ASC", "DESC").contains(request.order().toUpperCase())) {
            errors.add(new FieldError("order", "oneOf", "排序方向只能是 ASC 或 DESC", "order must be ASC or DESC"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (request.shared() && !user.isLead()) {
            throw new ForbiddenException("只有部门负责人可以把视图共享给本部门");
        }
        // a lead's own department: the one their sub-departments hang under
        List<String> own = user.departments().stream().map(catalog::department)
                .filter(d -> d.parent() == null || !user.departments().contains(d.parent())).map(Department::code)
                .toList();
        if (request.shared() && own.size() != 1) {
            throw new InvalidRequestException(new FieldError("shared", "department", "无法确定共享给哪个部门",
                    "sharing needs exactly one department"));
        }
        InboxFilter filters = request.filters() == null ? InboxFilter.NONE : request.filters();
        // refuse what the inbox itself would refuse (an unknown bundle, a reversed range)
        inbox.count(user, request.view(), filters);
        String department = request.shared() ? own.get(0) : null;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into task_view (owner, owner_name, department, name, inbox_view, filters, sort, sort_order,
                                       created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.username(), user.name(), department, name, request.view().name(), write(filters),
                        request.sort(), request.order() == null ? null : request.order().toUpperCase(),
                        OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return list(user).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable long id) {
        requireStaff(user);
        if (jdbc.sql("delete from task_view where id = ? and owner = ?").params(id, user.username()).update() == 0) {
            throw new NotFoundException("没有您的这个视图：" + id);
        }
    }

    /** Views are of the inbox, which only officers and managers have: an applicant keeps none. */
    private static void requireStaff(CurrentUser user) {
        if (!user.isOfficer() && !user.isManager()) {
            throw new ForbiddenException("常用视图仅供工作人员使用");
        }
    }

    /** A shared view may name a tab this user cannot open (本部门全部 for an officer): no count then. */
    private long countOrNone(CurrentUser user, SavedView view) {
        try {
            return inbox.count(user, view.view(), view.filters());
        } catch (ForbiddenException | InvalidRequestException e) {
            return -1;
        }
    }

    private InboxFilter read(String text) {
        try {
            return json.readValue(text, InboxFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved view's filters are not JSON", e);
        }
    }

    private String write(InboxFilter filters) {
        try {
            return json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
