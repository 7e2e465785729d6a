package cn.onething.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real servers the integration tests need, once per test run: a fresh PostgreSQL database and the
 * project's Keycloak (started by bin/keycloak unless one already answers).
 */
public class TestServers implements BeforeAllCallback {

    private static boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (TestServers.class) {
            if (!ready) {
                freshDatabase();
                startKeycloak();
                ready = true;
            }
        }
    }

    private static void freshDatabase() throws SQLException {
        freshDatabase(System.getenv().getOrDefault("ONETHING_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/onething_test"));
    }

    /** Drops and creates the database a PostgreSQL JDBC URL names. */
    public static void freshDatabase(String url) throws SQLException {
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1);
        String admin = url.substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin,
                System.getenv().getOrDefault("ONETHING_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("ONETHING_TEST_DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    private static void startKeycloak() throws IOException, InterruptedException {
        Path script = projectRoot().resolve("bin/keycloak");
        Process p = new ProcessBuilder("bash", script.toString(), "start").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bin/keycloak start failed: see its output above");
        }
    }

    static Path projectRoot() {
        Path dir = new File("").getAbsoluteFile().toPath();
        while (dir != null && !Files.exists(dir.resolve("bin/keycloak"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (bin/keycloak) above " + new File("").getAbsolutePath());
        }
        return dir;
    }
}
