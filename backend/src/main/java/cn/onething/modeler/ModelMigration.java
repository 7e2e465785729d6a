package cn.onething.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.ItemSettings;
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

    /**
     * Where an instance waits, where it would wait after the migration (null: nowhere, it cannot move) and what
     * the migration does to that open task or wait, in words.
     */
    public record Waiting(String activityId, String activityName, String targetActivityId, String targetName,
            String effect) {
    }

    public record Candidate(String processInstanceId, String businessKey, String caseNumber, List<Waiting> waitingAt,
            boolean migratable) {
    }

    public record Preview(int from, int to, List<Candidate> instances) {
    }

    public record Outcome(String processInstanceId, String businessKey, String caseNumber, boolean migrated,
            String reason) {
    }

    Preview preview(ProcessDefinition from, ProcessDefinition to) {
        Map<String, String> mapping = mapping(plan(from, to));
        BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
        BpmnModelInstance target = repository.getBpmnModelInstance(to.getId());
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
                .orderByProcessInstanceId().asc().list();
        Map<String, String> numbers = cases.caseNumbers(instances.stream().map(ProcessInstance::getBusinessKey).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            List<Waiting> waiting = runtime.getActiveActivityIds(instance.getId()).stream().distinct()
                    .map(id -> waiting(source, target, id, mapping.get(id)))
                    .toList();
            candidates.add(new Candidate(instance.getId(), instance.getBusinessKey(),
                    numbers.get(instance.getBusinessKey()), waiting,
                    waiting.stream().allMatch(w -> w.targetActivityId() != null)));
        }
        return new Preview(from.getVersion(), to.getVersion(), candidates);
    }

    List<Outcome> migrate(CurrentUser manager, ProcessDefinition from, ProcessDefinition to, List<String> instanceIds) {
        MigrationPlan plan = plan(from, to);
        boolean bundle = catalog.bundleOfProcess(from.getKey()).isPresent();
        Map<String, ProcessInstance> onSource = runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(instanceIds)).processDefinitionId(from.getId()).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, i -> i));
        Map<String, String> numbers = cases.caseNumbers(onSource.values().stream()
                .map(ProcessInstance::getBusinessKey).toList());
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : instanceIds) {
            ProcessInstance instance = onSource.get(id);
            if (instance == null) {
                outcomes.add(new Outcome(id, null, null, false,
                        "该办件已不在第 " + from.getVersion() + " 版上运行（可能已办结或已迁移）"));
                continue;
            }
            String number = numbers.get(instance.getBusinessKey());
            try {
                runtime.newMigration(plan).processInstanceIds(id).execute();
                if (bundle) {
                    cases.addTimelineEntry(instance.getBusinessKey(), "PROCESS_MIGRATED", null, manager.name(),
                            "流程模型由第 " + from.getVersion() + " 版迁移到第 " + to.getVersion() + " 版");
                }
                outcomes.add(new Outcome(id, instance.getBusinessKey(), number, true, null));
            } catch (ProcessEngineException e) {
                outcomes.add(new Outcome(id, instance.getBusinessKey(), number, false, "无法迁移：" + e.getMessage()));
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

    private Waiting waiting(BpmnModelInstance source, BpmnModelInstance target, String id, String targetId) {
        String name = name(source, id);
        if (targetId == null) {
            return new Waiting(id, name, null, null, "新版本没有「" + name + "」这一环节，此办件不能迁移");
        }
        String targetName = name(target, targetId);
        String effect;
        if (source.getModelElementById(id) instanceof UserTask before
                && target.getModelElementById(targetId) instanceof UserTask after) {
            List<String> later = new ArrayList<>();
            if (!Objects.equals(before.getCamundaCandidateGroups(), after.getCamundaCandidateGroups())) {
                later.add("办理部门改为" + catalog.departmentName(after.getCamundaCandidateGroups()));
            }
            String days = ItemSettings.property(after, ItemSettings.PROMISED_DAYS).orElse(null);
            if (!Objects.equals(ItemSettings.property(before, ItemSettings.PROMISED_DAYS).orElse(null), days)) {
                later.add(days == null ? "承诺时限恢复办事指南的默认值" : "承诺时限改为 " + days + " 个工作日");
            }
            effect = "待办任务原样保留：办理部门、办理人和办理期限不变"
                    + (later.isEmpty() ? "" : "；新版本" + String.join("、", later) + "，只对迁移后新进入此环节的任务生效");
        } else if (target.getModelElementById(targetId) instanceof CallActivity) {
            effect = "进行中的「" + targetName + "」不受影响，继续办理";
        } else {
            effect = "继续在「" + targetName + "」等待，已设的定时器按新版本更新";
        }
        return new Waiting(id, name, targetId, targetName, effect);
    }

    private static String name(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof FlowElement e && e.getName() != null ? e.getName() : id;
    }
}
