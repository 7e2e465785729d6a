package cn.onething.search;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.onething.engine.EveryUserTask;

/**
 * Tasks live in the engine's tables, where no trigger of ours sits: every user task of every model tells the
 * search outbox when it is created, claimed or handed on, completed or deleted, in the engine's transaction
 * (written when the engine flushes the command, see TaskChangeJournal).
 */
@Component
class SearchTaskPlugin extends AbstractProcessEnginePlugin {

    // the engine is built before the outbox's database access is ready: looked up when first needed
    private final ObjectProvider<SearchOutbox> outbox;

    SearchTaskPlugin(ObjectProvider<SearchOutbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.addJournal(configuration, TaskChangeJournal.class,
                () -> new TaskChangeJournal(outbox.getObject()));
        EveryUserTask.listen(configuration,
                task -> Context.getCommandContext().getSession(TaskChangeJournal.class).add(task.getId()),
                TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE,
                TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);
    }
}
