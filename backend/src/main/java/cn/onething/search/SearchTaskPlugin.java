package cn.onething.search;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tasks live in the engine's tables, where no trigger of ours sits: every user task of every model tells the
 * search outbox when it is created, claimed or handed on, completed or deleted, in the engine's transaction.
 */
@Component
class SearchTaskPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    // the engine is built before the outbox's database access is ready: looked up when first needed
    private final ObjectProvider<SearchOutbox> outbox;

    SearchTaskPlugin(ObjectProvider<SearchOutbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener changed = task -> outbox.getObject().changed(SearchDocType.TASK, task.getId());
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                EVENTS.forEach(event -> ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition().addTaskListener(event, changed));
            }
        });
    }
}
