package cn.onething.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.security.CurrentUser;

/**
 * Moves running instances from one version of a process to another with Camunda's migration API: activities
 * are matched by id; an instance waiting where the target version has no such activity cannot move and
 * is reported, the others move one by one (one failing does not stop the rest).
 */
@Component
public class ModelMigration {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final BundleCatalog catalog;
    private final CaseFileService cases;

    ModelMigration(RuntimeService runtime, RepositoryService repository, BundleCatalog catalog,
            CaseFileService cases) {
        this.runtime = runtime;
        this.repository = repository;
        this.catalog = catalog;
        this.cases = cases;
    }

    /** Where an instance waits, and where it would wait after the migration (null: nowhere, it cannot move). */
    public record Waiting(String activityId, String activityName, String targetActivityId, String targetName) {
    }

    public record Candidate(String processInstanceId, String businessKey, List<Waiting> waitingAt,
            boolean migratable) {
    }

    public record Preview(int from, int to, List<Candidate> instances) {
    }

    public record Outcome(String processInstanceId, String businessKey, boolean migrated, String reason) {
    }

    Preview preview(ProcessDefinition from, ProcessDefinition to) {
        Map<String, String> mapping = mapping(plan(from, to));
        BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
        BpmnModelInstance target = repository.getBpmnModelInstance(to.getId());
        List<Candidate> candidates = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
                .orderByProcessInstanceId().asc().list()) {
            List<Waiting> waiting = runtime.getActiveActivityIds(instance.getId()).stream().distinct()
                    .map(id -> new Waiting(id, name(source, id), mapping.get(id),
                            mapping.containsKey(id) ? name(target, mapping.get(id)) : null))
                    .toList();
            candidates.add(new Candidate(instance.getId(), instance.getBusinessKey(), waiting,
                    waiting.stream().allMatch(w -> w.targetActivityId() != null)));
        }
        return new Preview(from.getVersion(), to.getVersion(), candidates);
    }

    List<Outcome> migrate(CurrentUser manager, ProcessDefinition from, ProcessDefinition to, List<String> instanceIds) {
        MigrationPlan plan = plan(from, to);
        boolean bundle = catalog.bundleOfProcess(from.getKey()).isPresent();
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : instanceIds) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionId(from.getId()).singleResult();
            if (instance == null) {
                outcomes.add(new Outcome(id, null, false, "该办件已不在第 " + from.getVersion() + " 版上运行（可能已办结或已迁移）"));
                continue;
            }
            try {
                runtime.newMigration(plan).processInstanceIds(id).execute();
                if (bundle) {
                    cases.addTimelineEntry(instance.getBusinessKey(), "PROCESS_MIGRATED", null, manager.name(),
                            "流程模型由第 " + from.getVersion() + " 版迁移到第 " + to.getVersion() + " 版");
                }
                outcomes.add(new Outcome(id, instance.getBusinessKey(), true, null));
            } catch (ProcessEngineException e) {
                outcomes.add(new Outcome(id, instance.getBusinessKey(), false, "无法迁移：" + e.getMessage()));
            }
        }
        return outcomes;
    }

    private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
        return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().updateEventTriggers()
                .build();
    }

    private static Map<String, String> mapping(MigrationPlan plan) {
        Map<String, String> mapping = new HashMap<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            mapping.put(i.getSourceActivityId(), i.getTargetActivityId());
        }
        return mapping;
    }

    private static String name(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof FlowElement e && e.getName() != null ? e.getName() : id;
    }
}
