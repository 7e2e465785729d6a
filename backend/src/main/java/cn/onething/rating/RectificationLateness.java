package cn.onething.rating;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The statistics' one question to the engine: which rectifications wait at a step whose due date has
 * passed. (The escalation timer records an OVERDUE event on the rating a moment later, when the job
 * executor runs it; until then only the engine knows.)
 */
@Component
class RectificationLateness {

    private final TaskService tasks;
    private final RuntimeService runtime;

    RectificationLateness(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The ids of the ratings whose current rectification step was due before {@code now}. */
    Set<String> pastDue(Instant now) {
        Set<String> instances = tasks.createTaskQuery().processDefinitionKey(RectificationProcess.KEY)
                .dueBefore(Date.from(now)).list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Set.of();
        }
        List<ProcessInstance> found = runtime.createProcessInstanceQuery().processInstanceIds(instances).list();
        return found.stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
    }
}
