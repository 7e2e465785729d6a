package cn.onething.testsupport;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * A bare engine on a database of its own — in-memory H2 or a fresh PostgreSQL database next to the tests' — for
 * tests of how the engine meets a database made by another version of the platform. No job executor.
 */
public final class ScratchEngine {

    public static final String POSTGRESQL = "postgresql";
    public static final String H2 = "h2";

    private ScratchEngine() {
    }

    /** A database for the test: H2 in memory, or a PostgreSQL database named after the tests' with the suffix, new. */
    public static String database(String kind, String name) throws SQLException {
        if (kind.equals(H2)) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        String url = System.getenv().getOrDefault("ONETHING_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/onething_test") + "_" + name.replace('-', '_');
        TestServers.freshDatabase(url);
        return url;
    }

    public static String user(String url) {
        return url.startsWith("jdbc:h2") ? "sa" : System.getenv().getOrDefault("ONETHING_TEST_DB_USER", "postgres");
    }

    public static String password(String url) {
        return url.startsWith("jdbc:h2") ? "" : System.getenv().getOrDefault("ONETHING_TEST_DB_PASSWORD", "");
    }

    /** The engine's configuration on that database, to be given more and built. */
    public static StandaloneProcessEngineConfiguration on(String url, String name) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user(url));
        configuration.setJdbcPassword(password(url));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        return configuration;
    }
}
