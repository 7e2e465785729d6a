package cn.onething.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * Takes a case back to a step it passed through (退回, 撤回) by process instance modification: the step starts
 * again and the work that followed from it is cancelled — the tasks after it, a 补正 waiting after it, and the
 * tokens of its branches waiting at a join — while parallel work that did not come from it goes on.
 */
@Component
class StepRewind {

    /** A step the case can go back to, as the officer picks it. */
    record Step(String activityId, String name, Date completedAt, String completedBy) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    StepRewind(RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /** The steps completed in this process before `activityId` was reached: those from which it follows. */
    List<Step> stepsBefore(String processDefinitionId, String processInstanceId, String activityId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        Map<String, Step> latest = new LinkedHashMap<>();
        for (HistoricTaskInstance done : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .finished().taskDeleteReason("completed").orderByHistoricTaskInstanceEndTime().desc().list()) {
            String key = done.getTaskDefinitionKey();
            if (!key.equals(activityId) && !latest.containsKey(key) && following(model, key).contains(activityId)) {
                latest.put(key, new Step(key, done.getName(), done.getEndTime(), done.getAssignee()));
            }
        }
        return List.copyOf(latest.values());
    }

    /** What follows a step in the model: every element reachable from it, boundary events' paths included. */
    Set<String> following(BpmnModelInstance model, String activityId) {
        Set<String> seen = new HashSet<>();
        Deque<FlowNode> next = new ArrayDeque<>();
        next.add(model.getModelElementById(activityId));
        List<BoundaryEvent> boundaries = List.copyOf(model.getModelElementsByType(BoundaryEvent.class));
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            for (SequenceFlow flow : node.getOutgoing()) {
                if (seen.add(flow.getTarget().getId())) {
                    next.add(flow.getTarget());
                }
            }
            boundaries.stream().filter(b -> b.getAttachedTo() == node && seen.add(b.getId())).forEach(next::add);
        }
        return seen;
    }

    /**
     * The waiting activity instances (tasks, receive tasks, tokens at joins) that follow from the step: what
     * going back to it cancels. A token at a join belongs to the branch of the last element its execution left.
     */
    List<ActivityInstance> followingWork(String processDefinitionId, String processInstanceId, String activityId) {
        Set<String> following = following(repository.getBpmnModelInstance(processDefinitionId), activityId);
        List<ActivityInstance> found = new ArrayList<>();
        Deque<ActivityInstance> open = new ArrayDeque<>();
        open.add(runtime.getActivityInstance(processInstanceId));
        while (!open.isEmpty()) {
            ActivityInstance instance = open.poll();
            if (instance.getChildActivityInstances().length > 0) {
                open.addAll(List.of(instance.getChildActivityInstances()));
            } else if (following.contains(instance.getActivityId())
                    && (!instance.getActivityType().endsWith("Gateway") || following.contains(cameFrom(instance)))) {
                found.add(instance);
            }
        }
        return found;
    }

    private String cameFrom(ActivityInstance join) {
        for (String executionId : join.getExecutionIds()) {
            for (HistoricActivityInstance left : history.createHistoricActivityInstanceQuery().executionId(executionId)
                    .finished().orderByHistoricActivityInstanceEndTime().desc().list()) {
                if (!left.getActivityId().equals(join.getActivityId())) {
                    return left.getActivityId();
                }
            }
        }
        return null;
    }

    /** Starts the step again, cancelling `cancelled`; `variables` are set on the process first. */
    void rewind(String processInstanceId, String activityId, List<ActivityInstance> cancelled,
            Map<String, Object> variables) {
        runtime.setVariables(processInstanceId, variables);
        // started first, so that cancelling the last waiting work does not end the process
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(activityId);
        cancelled.forEach(instance -> modification.cancelActivityInstance(instance.getId()));
        modification.execute();
    }
}
