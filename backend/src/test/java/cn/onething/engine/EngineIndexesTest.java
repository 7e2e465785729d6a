package cn.onething.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.testsupport.PlatformTest;

/**
 * The engine's frequent statements read what they need, not a whole table that grows with the open cases: the plan
 * PostgreSQL makes for the engine's own SQL (taken from its mappings) once the table holds as many rows as a busy
 * province's. The rows are made and the plan read in a transaction that is rolled back.
 */
@PlatformTest
class EngineIndexesTest {

    private static final int ROWS = 20_000;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void jobAcquisitionFindsTheDueJobsWithoutReadingEveryPendingTimer() {
        ProcessEngineConfigurationImpl configuration = configuration();
        // the parameters JobManager.findNextJobsToExecute gives the statement (Camunda 7.24), from the same settings
        Map<String, Object> parameter = new HashMap<>();
        parameter.put("now", ClockUtil.getCurrentTime());
        parameter.put("alwaysSetDueDate", configuration.isEnsureJobDueDateNotNull());
        parameter.put("deploymentAware", configuration.isJobExecutorDeploymentAware());
        parameter.put("historyCleanupEnabled", configuration.isHistoryCleanupEnabled());
        parameter.put("applyExclusiveOverProcessHierarchies",
                configuration.isJobExecutorAcquireExclusiveOverProcessHierarchies());
        ListQueryParameterObject acquisition = new ListQueryParameterObject(parameter, 0,
                configuration.getJobExecutor().getMaxJobsPerAcquisition());
        acquisition.setOrderingProperties(new ArrayList<>());

        String plan = planWith("insert into act_ru_job (id_, rev_, type_, retries_, suspension_state_, duedate_,"
                + " exclusive_, priority_, handler_type_) select 'indexes-test-' || g, 1, 'timer', 3, 1,"
                + " now() + interval '3 days', true, 0, 'timer-task-listener' from generate_series(1, " + ROWS + ") g",
                "act_ru_job", "selectNextJobsToExecute", acquisition);

        assertThat(plan).contains("onething_job_due").doesNotContain("Seq Scan on act_ru_job res");
    }

    @Test
    void completingATaskFindsItsSubtasksWithoutReadingEveryOpenTask() {
        String plan = planWith("insert into act_ru_task (id_, rev_, name_, priority_, suspension_state_)"
                + " select 'indexes-test-' || g, 1, 'test', 50, 1 from generate_series(1, " + ROWS + ") g",
                "act_ru_task", "selectTasksByParentTaskId", new ListQueryParameterObject("some-task", 0,
                        Integer.MAX_VALUE));

        assertThat(plan).contains("onething_task_parent").doesNotContain("Seq Scan on act_ru_task");
    }

    /** The plan of one of the engine's mapped statements, on a table filled by `fill` and analyzed. */
    private String planWith(String fill, String table, String statement, Object parameter) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.update(fill);
            jdbc.execute("analyze " + table);
            return jdbc.execute((ConnectionCallback<String>) connection -> {
                var sessions = configuration().getDbSqlSessionFactory();
                MappedStatement mapped = sessions.getSqlSessionFactory().getConfiguration()
                        .getMappedStatement(sessions.mapStatement(statement));
                BoundSql sql = mapped.getBoundSql(parameter);
                try (PreparedStatement explain = connection.prepareStatement("explain " + sql.getSql())) {
                    new DefaultParameterHandler(mapped, parameter, sql).setParameters(explain);
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                    return String.join("\n", lines);
                }
            });
        });
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
