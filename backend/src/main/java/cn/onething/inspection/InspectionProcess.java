package cn.onething.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The inspection feature's calls into the engine: the tasks of bpmn/joint-inspection.bpmn. */
@Component
class InspectionProcess {

    static final String KEY = "jointInspection";
    static final String PROPOSE = "proposeVisit";
    static final String CONFIRM = "confirmVisit";
    static final String RECORD = "recordFindings";
    static final String RECTIFIED_MESSAGE = "inspection-rectified";
    static final String BOOKED_MESSAGE = "inspection-booked";
    static final String BOOKING_CANCELLED_MESSAGE = "inspection-booking-cancelled";

    private final TaskService tasks;
    private final RuntimeService runtime;

    InspectionProcess(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The open task of a step for a department (each department has its own instance of the step). */
    Optional<Task> openTask(String processInstanceId, String step, String department) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .taskCandidateGroup(department).includeAssignedTasks().list().stream().findFirst();
    }

    /** Every open task of the inspection, to tell each department what it must do now. */
    List<Task> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list();
    }

    List<Task> tasksOfInstances(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of()
                : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list();
    }

    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    void complete(Task task) {
        tasks.complete(task.getId());
    }

    /** Whether the enterprise may still book: nobody has proposed a time the others are confirming. */
    boolean awaitsBooking(String processInstanceId) {
        return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(BOOKED_MESSAGE).count() > 0;
    }

    /** The enterprise booked: the lead's proposal step is cancelled and the visit fixed. */
    void booked(String processInstanceId) {
        runtime.createMessageCorrelation(BOOKED_MESSAGE).processInstanceId(processInstanceId).correlate();
    }

    /** The enterprise cancelled its booking: the departments' visit steps close and the time is open again. */
    void bookingCancelled(String processInstanceId) {
        runtime.createMessageCorrelation(BOOKING_CANCELLED_MESSAGE).processInstanceId(processInstanceId).correlate();
    }

    void rectified(String processInstanceId) {
        runtime.createMessageCorrelation(RECTIFIED_MESSAGE).processInstanceId(processInstanceId).correlate();
    }
}
