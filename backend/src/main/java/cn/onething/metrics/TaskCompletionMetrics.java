package cn.onething.metrics;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.onething.engine.EveryUserTask;

/** Counts every user task completed, of every model (a new bundle's too), by its process key. */
@Component
class TaskCompletionMetrics extends AbstractProcessEnginePlugin {

    // the engine is built before the metrics are: looked up when a task first completes
    private final ObjectProvider<PlatformMetrics> metrics;

    TaskCompletionMetrics(ObjectProvider<PlatformMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, task -> metrics.getObject()
                .taskCompleted(task.getProcessDefinitionId().split(":")[0]), TaskListener.EVENTNAME_COMPLETE);
    }
}
