package cn.onething.engine;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How the platform's features follow every bundle's tasks without a line in the models: listeners added
 * to each model as the engine parses it, so a new bundle's BPMN gets them too.
 */
public final class EveryUserTask {

    private EveryUserTask() {
    }

    /** Calls the listener on the given events of every user task of every model. */
    public static void listen(ProcessEngineConfigurationImpl configuration, TaskListener listener,
            String... events) {
        addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (String event : events) {
                    definition.addTaskListener(event, listener);
                }
            }
        });
    }

    /** Runs after the engine's own parsing of each model, so the model's elements are all there. */
    public static void addParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }

    /** Opens a journal of the type for every engine command that notes something in it. */
    public static <J extends CommandJournal<?>> void addJournal(ProcessEngineConfigurationImpl configuration,
            Class<J> type, Supplier<J> open) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new CommandJournal.Factory(type, open));
    }
}
