package cn.onething.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.onething.testsupport.ScratchEngine;

/**
 * A job made without a due date by an engine before {@link DatedJobs} (an asynchronous step, a batch) is still run
 * once the platform's engine, whose acquisition only asks for due dates, starts on the database.
 */
class DatedJobsTest {

    @ParameterizedTest
    @ValueSource(strings = {ScratchEngine.POSTGRESQL, ScratchEngine.H2})
    void aJobWithoutADueDateIsDatedAtStartAndAcquired(String database) throws SQLException {
        String url = ScratchEngine.database(database, "dated-jobs");
        String instance;
        ProcessEngine before = ScratchEngine.on(url, "dated-jobs-before").buildProcessEngine();
        try {
            before.getRepositoryService().createDeployment().addModelInstance("later.bpmn",
                    Bpmn.createExecutableProcess("later").camundaHistoryTimeToLive(1).startEvent()
                            .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
                    .deploy();
            instance = before.getRuntimeService().startProcessInstanceByKey("later").getId();
            assertThat(before.getManagementService().createJobQuery().processInstanceId(instance).singleResult()
                    .getDuedate()).as("made the old way").isNull();
        } finally {
            before.close();
        }

        var configuration = ScratchEngine.on(url, "dated-jobs-platform");
        configuration.getProcessEnginePlugins().add(new DatedJobs());
        ProcessEngine platform = configuration.buildProcessEngine();
        try {
            Job job = platform.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            assertThat(job.getDuedate()).isNotNull();

            ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) platform
                    .getProcessEngineConfiguration();
            AcquiredJobs acquired = engine.getCommandExecutorTxRequired()
                    .execute(new AcquireJobsCmd(engine.getJobExecutor()));
            assertThat(acquired.getJobIdBatches()).containsExactly(List.of(job.getId()));

            platform.getManagementService().executeJob(job.getId());
            assertThat(platform.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                    .isZero();
        } finally {
            platform.close();
        }
    }
}
