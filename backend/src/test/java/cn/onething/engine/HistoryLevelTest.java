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
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.testsupport.PlatformTest;
import cn.onething.testsupport.TestServers;

/** The platform runs the engine at `activity` history, on a fresh database and on one made at `full` before. */
@PlatformTest
class HistoryLevelTest {

    private static final String POSTGRES = System.getenv().getOrDefault("ONETHING_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/onething_test") + "_history";

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
    @ValueSource(strings = {"postgresql", "h2"})
    void aDatabaseMadeAtFullHistoryStartsAtTheConfiguredLevelOnceMigrated(String database) throws SQLException {
        String url = database.equals("h2") ? "jdbc:h2:mem:history-level;DB_CLOSE_DELAY=-1" : POSTGRES;
        if (database.equals("postgresql")) {
            TestServers.freshDatabase(POSTGRES);
        }
        try (Connection connection = connect(url)) {
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

    private static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2") ? DriverManager.getConnection(url, "sa", "")
                : DriverManager.getConnection(url, System.getenv().getOrDefault("ONETHING_TEST_DB_USER", "postgres"),
                        System.getenv().getOrDefault("ONETHING_TEST_DB_PASSWORD", ""));
    }

    private static ProcessEngine engine(String url, String history) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("history-level-" + history);
        configuration.setJdbcUrl(url);
        if (url.startsWith("jdbc:postgresql")) {
            configuration.setJdbcUsername(System.getenv().getOrDefault("ONETHING_TEST_DB_USER", "postgres"));
            configuration.setJdbcPassword(System.getenv().getOrDefault("ONETHING_TEST_DB_PASSWORD", ""));
        }
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
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
