package cn.onething.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One backend node: the packaged jar run with `java -jar` as bin/test's start_platform does, on a port of its own,
 * logging to backend/target/cluster/node-<name>-<n>.log (one file per start).
 */
final class Node {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    Node(String name, Path jar, Path logDir) {
        this.name = name;
        this.port = TcpProxy.freePort();
        this.jar = jar;
        this.logDir = logDir;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the jar with these application arguments (the port is the node's own). */
    synchronized void start(List<String> arguments) throws IOException {
        if (alive()) {
            throw new IllegalStateException("node " + name + " is running already");
        }
        starts++;
        log = logDir.resolve("node-" + name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        Files.writeString(log, String.join(" ", command) + "\n\n");
        process = new ProcessBuilder(command).directory(logDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Until /actuator/health/readiness answers 200 (UP, or DEGRADED: still serving). */
    void awaitReady(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!alive()) {
                throw new AssertionError("node " + name + " died while starting (exit " + process.exitValue()
                        + "); its log:\n" + logTail(80));
            }
            if (readiness().status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node " + name + " was not ready within " + limit + "; its log:\n" + logTail(80));
    }

    /** What the readiness probe answers: HTTP status (0: no answer) and body. */
    record Readiness(int status, String body) {
    }

    Readiness readiness() {
        try {
            HttpResponse<String> r = PROBE.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return new Readiness(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Readiness(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(0, e.toString());
        }
    }

    /** A graceful stop (SIGTERM), as an orchestrator stops a node; killed if it takes longer than 60 s. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    String logTail(int lines) {
        if (log == null) {
            return "(not started)";
        }
        try {
            List<String> all = Files.readAllLines(log);
            return "---- " + log + " (last " + lines + " lines) ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log " + log + ": " + e + ")";
        }
    }
}
