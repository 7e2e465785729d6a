package cn.onething.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job has a due date (a job to run at once: the moment it was made), so the job executor's acquisition asks
 * only `due date <= now` and walks the due-date index ({@link EngineIndexes}) instead of reading every pending timer
 * (`due date is null or ...` is a bitmap scan, which never learns that the jobs it met were already done). Jobs
 * made without one before are dated when the engine starts, or no node would run them.
 */
@Component
class DatedJobs extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DatedJobs.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement date = connection.prepareStatement(
                        "update act_ru_job set duedate_ = coalesce(create_time_, ?) where duedate_ is null")) {
            date.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            int dated = date.executeUpdate();
            if (dated > 0) {
                LOG.info("Dated {} jobs made without a due date", dated);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not date the jobs made without a due date", e);
        }
    }
}
