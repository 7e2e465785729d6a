package cn.onething.task;

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
 * Indexes the inbox's queries need on the engine's tables, made once the engine has made its tables (Flyway may
 * run before it on a fresh database): the most urgent first walks an index instead of sorting every open task,
 * and a department's tasks are found from its candidate-group links alone.
 */
@Component
class InboxIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(InboxIndexes.class);
    private static final List<String> INDEXES = List.of(
            "create index if not exists onething_task_urgency on act_ru_task (priority_ desc, due_date_, create_time_)",
            "create index if not exists onething_identitylink_group"
                    + " on act_ru_identitylink (group_id_, type_, task_id_)");

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
            // another node making it at the same moment: the inbox works without, only slower
            LOG.warn("Could not make the inbox's indexes: {}", e.getMessage());
        }
    }
}
