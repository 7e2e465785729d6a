package cn.onething.task;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.onething.engine.EveryUserTask;

/**
 * A user task that ends without being completed (退回, 撤回, the case closed) takes its open countersign with it;
 * the engine deletes the signers' own tasks, its subtasks, itself.
 */
@Component
class CountersignPlugin extends AbstractProcessEnginePlugin {

    // the engine is built before the countersigns' database access is ready: looked up when first needed
    private final ObjectProvider<Countersigns> countersigns;

    CountersignPlugin(ObjectProvider<Countersigns> countersigns) {
        this.countersigns = countersigns;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, task -> countersigns.getObject().hostEnded(task.getId()),
                TaskListener.EVENTNAME_DELETE);
    }
}
