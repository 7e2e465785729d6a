package cn.onething.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own: initdb into a directory under /tmp, its own port, trust auth, loopback
 * only, its socket in its own directory. Stopping and restarting it disturbs nothing else on the machine (the shared
 * PostgreSQL on 5432 is never touched). As root, the server runs as the system user postgres (it refuses root).
 */
final class ScratchPostgres {

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final int port;

    private ScratchPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
        this.port = port;
    }

    /** A new, initialised and running cluster with an empty database `database`. */
    static ScratchPostgres start(String database) throws IOException, InterruptedException, SQLException {
        Path dir = Files.createTempDirectory("onething-cluster-pg-");
        ScratchPostgres pg = new ScratchPostgres(binaries(), dir, TcpProxy.freePort());
        if (runsAsRoot()) {
            run(Duration.ofSeconds(10), "chown", "postgres:", dir.toString());
        }
        pg.pg(Duration.ofSeconds(60), "initdb", "-D", pg.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync");
        pg.startServer();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return pg;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    /** Starts the server (after a {@link #stop()}); returns once it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        pg(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c max_connections=100",
                "start");
    }

    /** A fast shutdown: open sessions are ended at once (as an operator's restart does), then the server stops. */
    void stop() throws IOException, InterruptedException {
        pg(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Stops the server however it is and removes its files; quiet, for clean-up. */
    void destroy() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pg(Duration.ofSeconds(30), "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (Exception e) {
            System.err.println("scratch PostgreSQL did not stop: " + e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("scratch PostgreSQL files not removed from " + dir + ": " + e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void pg(Duration limit, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(limit, command.toArray(String[]::new));
    }

    private static void run(Duration limit, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit);
        }
        output = p.getInputStream().readAllBytes();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                    + new String(output));
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PG_BIN, or the newest /usr/lib/postgresql/<version>/bin with initdb (Debian's layout). */
    private static Path binaries() throws IOException {
        String given = System.getenv("PG_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries (initdb) under "
                            + root + ": install Debian's postgresql package or set PG_BIN"));
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
