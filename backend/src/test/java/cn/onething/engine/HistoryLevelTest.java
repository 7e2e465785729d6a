package cn.onething.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.testsupport.PlatformTest;
import cn.onething.testsupport.ScratchEngine;

/** The platform runs the engine at `activity` history, on a fresh database and on one made at `full` before. */
@PlatformTest
class HistoryLevelTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePlatformKeepsActivityHistoryAndFlywayRanTheMigration() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel()
                .getName()).isEqualTo(ProcessEngineConfiguration.HISTORY_ACTIVITY);
        assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '19'",
                Boolean.class)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {ScratchEngine.POSTGRESQL, ScratchEngine.H2})
    void aDatabaseMadeAtFullHistoryStartsAtTheConfiguredLevelOnceMigrated(String database) throws SQLException {
        String url = ScratchEngine.database(database, "history-level");
        try (Connection connection = DriverManager.getConnection(url, ScratchEngine.user(url),
                ScratchEngine.password(url))) {
            // a fresh database: nothing to bring along, the engine records the level itself
            new V19__History_level("activity").migrate(context(connection));

            engine(url, ProcessEngineConfiguration.HISTORY_FULL).close();
            assertThatThrownBy(() -> engine(url, ProcessEngineConfiguration.HISTORY_ACTIVITY))
                    .as("the engine refuses a database made at another level")
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");

            new V19__History_level("activity").migrate(context(connection));
            ProcessEngine migrated = engine(url, ProcessEngineConfiguration.HISTORY_ACTIVITY);
            try {
                assertThat(((ProcessEngineConfigurationImpl) migrated.getProcessEngineConfiguration()).getHistoryLevel()
                        .getName()).isEqualTo(ProcessEngineConfiguration.HISTORY_ACTIVITY);
            } finally {
                migrated.close();
            }
        }
    }

    private static ProcessEngine engine(String url, String history) {
        var configuration = ScratchEngine.on(url, "history-level-" + history);
        configuration.setHistory(history);
        return configuration.buildProcessEngine();
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
