package cn.onething.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real servers the integration tests need, once per test run: a fresh PostgreSQL database and the
 * project's Keycloak (started by bin/keycloak unless one already answers); Elasticsearch on request
 * ({@link #elasticsearchUrl()}).
 */
public class TestServers implements BeforeAllCallback {

    /** The tests' search alias (application-test.yml): onething-test unless the run names its own. */
    private static final String TEST_INDEX = System.getenv().getOrDefault("ONETHING_TEST_SEARCH_ALIAS",
            "onething-test");
    private static boolean ready;
    private static String elasticsearchUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (TestServers.class) {
            if (!ready) {
                freshDatabase();
                startKeycloak();
                // the platform's search relay and API talk to this one
                System.setProperty("onething.search.url", elasticsearchUrl());
                emptyIndex(elasticsearchUrl(), TEST_INDEX);
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

    /** The open engine tasks in the database at the URL; 0 when there is no such database or no engine in it. */
    public static long openTasks(String url) {
        try (Connection c = DriverManager.getConnection(url,
                System.getenv().getOrDefault("ONETHING_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("ONETHING_TEST_DB_PASSWORD", ""));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from act_ru_task")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Starts the project's Keycloak (bin/keycloak), or reuses one already answering. */
    public static void startKeycloak() throws IOException, InterruptedException {
        run("bin/keycloak", "start");
    }

    /**
     * The URL of the Elasticsearch the tests use: $ELASTICSEARCH_URL if set, else the project's own, started by
     * bin/elasticsearch once per JVM (it reuses one already answering on $ELASTICSEARCH_PORT, default 9200).
     */
    public static synchronized String elasticsearchUrl() throws IOException, InterruptedException {
        if (elasticsearchUrl == null) {
            String url = System.getenv("ELASTICSEARCH_URL");
            if (url == null || url.isBlank()) {
                run("bin/elasticsearch", "start");
                url = "http://127.0.0.1:" + System.getenv().getOrDefault("ELASTICSEARCH_PORT", "9200");
            }
            elasticsearchUrl = url;
        }
        return elasticsearchUrl;
    }

    /** Deletes the indices behind a search alias of an earlier run: a fresh database, a fresh index. */
    public static void emptyIndex(String url, String alias) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String names = http.send(HttpRequest.newBuilder(URI.create(url + "/_cat/indices/" + alias + "-*?h=index"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String index : names.strip().split("\\s+")) {
            if (!index.isBlank()) {
                http.send(HttpRequest.newBuilder(URI.create(url + "/" + index)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    /** Stops the project's Elasticsearch, for a test of an outage; {@link #elasticsearchUrl()} starts it again. */
    public static synchronized void stopElasticsearch() throws IOException, InterruptedException {
        if (System.getenv("ELASTICSEARCH_URL") != null) {
            throw new IllegalStateException("an Elasticsearch given by ELASTICSEARCH_URL is not ours to stop:"
                    + " unset it to run the outage test against the project's own");
        }
        run("bin/elasticsearch", "stop");
        elasticsearchUrl = null;
    }

    private static void run(String script, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", projectRoot().resolve(script).toString(), command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(script + " " + command + " failed: see its output above");
        }
    }

    public static Path projectRoot() {
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
