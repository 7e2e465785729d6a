package cn.onething.casefile;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.onething.engine.EveryUserTask;

/**
 * Keeps the case record in step with every bundle's process without a line in the models: each user
 * task's creation starts its item, and the end of a process closes its case. A new bundle's BPMN gets
 * this for free.
 */
@Component
class CaseLifecyclePlugin extends AbstractProcessEnginePlugin {

    // The engine is built before the services that use it, so they are looked up when first needed.
    private final ObjectProvider<CaseFileService> cases;

    CaseLifecyclePlugin(ObjectProvider<CaseFileService> cases) {
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.addJournal(configuration, ItemStartJournal.class,
                () -> new ItemStartJournal(cases.getObject()));
        TaskListener itemStarted = task -> Context.getCommandContext().getSession(ItemStartJournal.class)
                .add(new ItemStartJournal.ItemStart(
                        ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey(),
                        task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getId(),
                        task.getDueDate(), task.getFollowUpDate(), task.getBpmnModelElementInstance()));
        // A called process (a site inspection) carries the case's business key too: only the top one ends the case.
        ExecutionListener caseEnded = execution -> {
            if (!(execution instanceof PvmExecutionImpl pvm && pvm.isCanceled())
                    && ((ExecutionEntity) execution).getSuperExecutionId() == null) {
                cases.getObject().caseEnded(execution.getProcessBusinessKey(), execution.getCurrentActivityName());
            }
        };
        EveryUserTask.listen(configuration, itemStarted, TaskListener.EVENTNAME_CREATE);
        EveryUserTask.addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                definition.addListener(ExecutionListener.EVENTNAME_END, caseEnded);
            }
        });
    }
}
