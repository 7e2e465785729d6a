package cn.onething.modeler;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onething.casefile.CaseFileService;

/**
 * Where the cases of one version of a process stand, element by element: running tokens, completed passes,
 * overdue tasks and the average time spent (for a heat map), and the cases waiting at an element.
 */
@Component
public class ModelStatistics {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final Clock clock;

    ModelStatistics(ManagementService management, RuntimeService runtime, TaskService tasks, JdbcClient jdbc,
            CaseFileService cases, Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /** One element's figures; `averageMillis` over its completed passes (null when none). */
    public record ElementFigures(String activityId, long running, long completed, long overdue, Long averageMillis) {
    }

    public record CaseAt(String processInstanceId, String businessKey, String caseNumber) {
    }

    List<ElementFigures> figures(ProcessDefinition definition) {
        Map<String, long[]> byActivity = new TreeMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(definition.getId()).list()) {
            byActivity.computeIfAbsent(s.getId(), k -> new long[4])[0] = s.getInstances();
        }
        // the engine's own history table: completed passes and their average duration, in one query
        jdbc.sql("""
                select act_id_, count(*), avg(duration_) from act_hi_actinst
                where proc_def_id_ = ? and end_time_ is not null group by act_id_""")
                .param(definition.getId())
                .query(rs -> {
                    long[] f = byActivity.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    f[1] = rs.getLong(2);
                    f[3] = rs.getObject(3) == null ? -1 : Math.round(rs.getDouble(3));
                });
        Map<String, Long> overdue = tasks.createTaskQuery().processDefinitionId(definition.getId())
                .dueBefore(Date.from(clock.instant())).list().stream()
                .collect(Collectors.groupingBy(Task::getTaskDefinitionKey, Collectors.counting()));
        overdue.forEach((id, count) -> byActivity.computeIfAbsent(id, k -> new long[4])[2] = count);
        return byActivity.entrySet().stream().map(e -> new ElementFigures(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[1] > 0 && e.getValue()[3] >= 0 ? e.getValue()[3] : null))
                .toList();
    }

    /** The cases (at most 200) of this version waiting at an element, with their case numbers. */
    List<CaseAt> casesAt(ProcessDefinition definition, String activityId) {
        List<ProcessInstance> waiting = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId())
                .activityIdIn(activityId).orderByProcessInstanceId().asc().listPage(0, 200);
        Map<String, String> numbers = cases.caseNumbers(waiting.stream().map(ProcessInstance::getBusinessKey).toList());
        return waiting.stream().map(i -> new CaseAt(i.getId(), i.getBusinessKey(), numbers.get(i.getBusinessKey())))
                .toList();
    }
}
