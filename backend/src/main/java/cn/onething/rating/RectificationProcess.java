package cn.onething.rating;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The rating feature's calls into the engine: the ratingRectification process, one per bad rating. */
@Component
class RectificationProcess {

    static final String KEY = "ratingRectification";
    static final String CALLBACK_MESSAGE = "rectification-callback";
    static final String APPEAL_MESSAGE = "rectification-appeal";
    static final String APPEAL_WINDOW = "appealWindow";

    private final RuntimeService runtime;
    private final TaskService tasks;

    RectificationProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    void start(String ratingId, String department, RatingProperties days) {
        runtime.startProcessInstanceByKey(KEY, ratingId, Map.of("department", department,
                "rectifyDays", days.rectifyDays(), "callbackDays", days.callbackDays(),
                "appealDays", days.appealDays()));
    }

    /** The open user task of the rating's rectification, if it waits at one. */
    Optional<Task> openTask(String ratingId) {
        return tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(ratingId).list().stream()
                .findFirst();
    }

    void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** Where the process waits (task, receive task or event gateway); empty once it has ended. */
    List<String> waitingAt(String ratingId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(ratingId).singleResult();
        return instance == null ? List.of() : runtime.getActiveActivityIds(instance.getId());
    }

    void callback(String ratingId, boolean solved) {
        runtime.createMessageCorrelation(CALLBACK_MESSAGE).processInstanceBusinessKey(ratingId)
                .setVariable("solved", solved).correlate();
    }

    void appeal(String ratingId) {
        runtime.createMessageCorrelation(APPEAL_MESSAGE).processInstanceBusinessKey(ratingId).correlate();
    }

    /** taskId → rating id, for those of the tasks that are rectification steps. */
    Map<String, String> ratingsOf(List<Task> found) {
        Set<String> instances = found.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = runtime.createProcessInstanceQuery().processInstanceIds(instances)
                .processDefinitionKey(KEY).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return found.stream().filter(t -> keys.containsKey(t.getProcessInstanceId()))
                .collect(Collectors.toMap(Task::getId, t -> keys.get(t.getProcessInstanceId())));
    }

    /** Open rectification tasks of these candidate groups (departments, or "manager"). */
    List<Task> tasksOf(List<String> groups) {
        return groups.isEmpty() ? List.of()
                : tasks.createTaskQuery().processDefinitionKey(KEY).taskCandidateGroupIn(groups).includeAssignedTasks()
                        .orderByDueDate().asc().list();
    }
}
