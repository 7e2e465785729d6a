package cn.onething.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the platform needs on the engine's own tables, made once the engine has made its tables (Flyway may run
 * before it on a fresh database). Each keeps a frequent statement from reading a whole table that grows with the
 * open cases.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);
    private static final List<String> INDEXES = List.of(
            // the inbox's most urgent first walks an index instead of sorting every open task
            "create index if not exists onething_task_urgency on act_ru_task (priority_ desc, due_date_, create_time_)",
            // a department's tasks are found from its candidate-group links alone
            "create index if not exists onething_identitylink_group"
                    + " on act_ru_identitylink (group_id_, type_, task_id_)",
            // job acquisition, several times a second on every node: the due jobs, not every pending timer
            // (each open case keeps one to two timers per item)
            "create index if not exists onething_job_due on act_ru_job (duedate_)",
            // completing a task looks for its subtasks
            "create index if not exists onething_task_parent on act_ru_task (parent_task_id_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute(index);
            }
        } catch (SQLException e) {
            // another node making them at the same moment: everything works without, only slower
            LOG.warn("Could not make the indexes on the engine's tables: {}", e.getMessage());
        }
    }
}
