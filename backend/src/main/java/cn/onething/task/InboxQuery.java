package cn.onething.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * An inbox tab's open tasks as SQL on the engine's task table. TaskService's own query finds a department's tasks
 * through a join it must make DISTINCT, which sorts every match before the first page. Here a tab is made of
 * disjoint parts (branches), and a department's part is read from whichever side is smaller:
 * <ul>
 * <li>counting starts from the department's candidate-group links (an index on group, type, task) and looks each
 * task up by its key, stopping at {@link InboxService#COUNT_CAP} + 1: the work follows the department's own tasks,
 * not all open tasks of the province (a filtered tab is counted from the tasks, see {@link #counted});
 * <li>a page of a tab holding more than the cap walks the urgency index and checks each task's link, stopping after
 * a page (its tasks are common enough to come soon); a smaller tab's page is read from the links and sorted, since
 * walking would pass most of the province's open tasks to find a few (a department with 5 open tasks among
 * 20,000: ~20 ms walking, well under 1 ms from the links).
 * </ul>
 */
final class InboxQuery {

    private static final int COUNT_CAP = InboxService.COUNT_CAP;

    /** Tasks meeting the condition; with groups: those of them with a candidate-group link to one of the groups. */
    private record Branch(String condition, List<String> groups) {
    }

    private final List<Branch> branches = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Tasks meeting `condition`, one disjoint part of the tab. */
    InboxQuery branch(String condition) {
        branches.add(new Branch(condition, List.of()));
        return this;
    }

    /** Tasks meeting `condition` (or all, when null) that the groups are candidates for, one disjoint part. */
    InboxQuery candidates(String condition, Collection<String> groups) {
        if (groups.isEmpty()) {
            // a branch without groups is not narrowed by links: it would be every open task
            throw new IllegalArgumentException("candidates of no group");
        }
        branches.add(new Branch(condition, groups.stream().distinct().toList()));
        return this;
    }

    /** Narrows every part of the tab. */
    InboxQuery and(String condition) {
        filters.add(condition);
        return this;
    }

    /** A parameter's placeholder. */
    String value(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return "#{" + name + "}";
    }

    String values(Collection<?> values) {
        return values.stream().map(this::value).collect(Collectors.joining(", "));
    }

    /**
     * Text written into the statement rather than passed as a parameter, for what tells one officer's inbox from
     * another's (the user, the groups). PostgreSQL plans a prepared statement once for every value after a few runs:
     * a plan made for the large departments walks every open task of the province for a small one (20,000 open
     * tasks: 60 ms instead of under 1). Each officer's statement is planned for its own values.
     */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String literals(Collection<String> texts) {
        return texts.stream().map(InboxQuery::literal).collect(Collectors.joining(", "));
    }

    /** One page in the order given (SQL order-by terms on RES), for a tab of `total` tasks as counted. */
    List<Task> page(TaskService tasks, String order, int offset, int size, long total) {
        return page(tasks, order, offset, size, total > COUNT_CAP);
    }

    /** The page, walking the urgency index or read from the candidate-group links: the same tasks either way. */
    List<Task> page(TaskService tasks, String order, int offset, int size, boolean walk) {
        List<String> parts = branches.stream().map(b -> "select RES.* from ACT_RU_TASK RES where "
                + where(b, walk ? walkedLink(b) : linkedTasks(b))).toList();
        String sql = parts.size() == 1 ? parts.get(0) + " order by " + order
                // each part sorted and cut to what the page can need, then merged
                : "select RES.* from (" + parts.stream().map(p -> "(" + p + " order by " + order + " limit "
                        + (offset + size) + ")").collect(Collectors.joining(" union all ")) + ") RES order by " + order;
        return withParameters(tasks.createNativeTaskQuery().sql(sql)).listPage(offset, size);
    }

    /** How many tasks the tab holds, up to {@link InboxService#COUNT_CAP} + 1. */
    long count(TaskService tasks) {
        String sql = "select count(*) from (" + branches.stream().map(b -> "(" + counted(b) + ")")
                .collect(Collectors.joining(" union all ")) + ") C";
        return Math.min(withParameters(tasks.createNativeTaskQuery().sql(sql)).count(), COUNT_CAP + 1);
    }

    /**
     * Up to the cap of the branch's tasks. A department's: from its links, group by group (a task two of the groups
     * are candidates for is one task: `union`), each task looked up by key (`offset 0 rows` keeps PostgreSQL from
     * turning the lookup into a join that would first read every open task). Filtered (an item, a light, dates):
     * from the tasks, whose own columns rule most out before their links are looked at.
     */
    private String counted(Branch b) {
        if (b.groups().isEmpty() || !filters.isEmpty()) {
            return "select RES.ID_ from ACT_RU_TASK RES where " + where(b, walkedLink(b)) + " limit " + (COUNT_CAP + 1);
        }
        String byGroup = b.groups().stream().map(group -> "(select I.TASK_ID_ from ACT_RU_IDENTITYLINK I"
                + " where I.GROUP_ID_ = " + literal(group) + " and I.TYPE_ = 'candidate' and exists (select 1"
                + " from ACT_RU_TASK RES where RES.ID_ = I.TASK_ID_ and " + where(b, null) + " offset 0 rows) limit "
                + (COUNT_CAP + 1) + ")").collect(Collectors.joining(" union "));
        return "select L.TASK_ID_ from (" + byGroup + ") L limit " + (COUNT_CAP + 1);
    }

    /** The task has a link to one of the branch's groups, checked task by task as the urgency index is walked. */
    private String walkedLink(Branch b) {
        return b.groups().isEmpty() ? null
                : "exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'"
                        + " and I.GROUP_ID_ in (" + literals(b.groups()) + ") offset 0 rows)";
    }

    /** The task is one of those the branch's groups have links to, read from the links. */
    private String linkedTasks(Branch b) {
        return b.groups().isEmpty() ? null
                : "RES.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate'"
                        + " and I.GROUP_ID_ in (" + literals(b.groups()) + "))";
    }

    private String where(Branch b, String link) {
        List<String> all = new ArrayList<>();
        if (b.condition() != null) {
            all.add("(" + b.condition() + ")");
        }
        if (link != null) {
            all.add(link);
        }
        filters.forEach(f -> all.add("(" + f + ")"));
        return all.isEmpty() ? "1 = 1" : String.join(" and ", all);
    }

    private NativeTaskQuery withParameters(NativeTaskQuery query) {
        parameters.forEach(query::parameter);
        return query;
    }
}
