package cn.onething.elasticsearch.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.bootstrap.BootstrapInfo;
import org.elasticsearch.bootstrap.ServerArgs;
import org.elasticsearch.common.io.stream.OutputStreamStreamOutput;
import org.elasticsearch.common.settings.KeyStoreWrapper;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;

/**
 * Starts the Elasticsearch server JVM the way the official server-cli does (the CLI is not published to Maven
 * Central): it works out the JVM options, starts {@code org.elasticsearch.bootstrap.Elasticsearch} on the module
 * path {@code lib/}, writes the {@link ServerArgs} (settings, paths, secure settings) to the server's stdin, and
 * keeps that stdin open: the server exits when it closes, so the server never outlives this launcher. On
 * SIGTERM/Ctrl-C the launcher asks the server to shut down cleanly (the shutdown marker on stdin) and waits.
 *
 * <pre>
 * java -Des.path.home=HOME -cp 'HOME/lib/launcher/*:HOME/lib/*' cn.onething.elasticsearch.launcher.Launcher [-Ekey=value ...]
 * </pre>
 *
 * Environment: ES_JAVA_OPTS (extra JVM options for the server, e.g. the heap: -Xms256m -Xmx512m; default
 * -Xms512m -Xmx512m), ES_TMPDIR (the server's temp directory; default HOME/tmp).
 *
 * <p>Runs in class-path mode (like the CLI's own launcher); only the server JVM uses the module path.
 */
public final class Launcher {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("es.path.home", "")).toAbsolutePath();
        if (!Files.isDirectory(home.resolve("lib")) || !Files.isDirectory(home.resolve("config"))) {
            fail("es.path.home must be the assembled distribution (lib/, config/), not " + home);
        }

        // -Ekey=value, as with bin/elasticsearch of the official distribution
        Map<String, String> properties = new HashMap<>();
        properties.put("path.home", home.toString());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("-E") || eq < 3) {
                fail("unknown argument " + arg + " (only -Ekey=value)");
            }
            properties.put(arg.substring(2, eq), arg.substring(eq + 1));
        }

        // elasticsearch.yml + -E settings, defaults for path.data/path.logs: what the CLI hands to the server
        Environment env = InternalSettingsPreparer.prepareEnvironment(Settings.EMPTY, properties, null, () -> "onething");
        Path tmp = Path.of(System.getenv().getOrDefault("ES_TMPDIR", home.resolve("tmp").toString())).toAbsolutePath();
        Files.createDirectories(tmp);
        Files.createDirectories(env.logsDir());

        // No keystore file: the node gets an in-memory one with just the seed the server expects (we have no
        // secure settings; the config directory stays read-only for the server's user).
        ServerArgs serverArgs = new ServerArgs(false, false, null, KeyStoreWrapper.create(), env.settings(),
                env.configDir(), env.logsDir());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(home, tmp, env.logsDir()));
        command.addAll(List.of("--module-path", home.resolve("lib").toString(),
                "--add-modules=jdk.net", "--add-modules=ALL-MODULE-PATH",
                "-m", "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch"));

        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT); // the server's log (console appender)
        builder.environment().remove("ES_JAVA_OPTS");
        builder.environment().putIfAbsent("LIBFFI_TMPDIR", tmp.toString());
        Process server = builder.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "launcher-shutdown"));

        OutputStream stdin = server.getOutputStream();
        try {
            OutputStreamStreamOutput out = new OutputStreamStreamOutput(stdin);
            serverArgs.writeTo(out);
            out.flush(); // not closed: closing the server's stdin stops it
        } catch (IOException e) {
            // the server died before reading its arguments; its stderr (below) says why
        }

        // The server's stderr: errors before logging is set up, and the ready marker once it accepts requests.
        try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.length() == 1 && line.charAt(0) == BootstrapInfo.SERVER_READY_MARKER) {
                    System.out.println("[launcher] Elasticsearch is ready (server pid " + server.pid() + ")");
                } else {
                    System.err.println(line);
                }
            }
        }
        int code = server.waitFor();
        System.out.println("[launcher] Elasticsearch exited with status " + code);
        // halt, not exit: after a SIGTERM the shutdown hook is running already, and exit() would block on it
        Runtime.getRuntime().halt(code);
    }

    /**
     * The JVM options of the official distribution (server-cli SystemJvmOptions and config/jvm.options of 9.x),
     * minus what needs modules we don't have (APM agent, native controller), heap dumps (a 512 MB file in the
     * cache helps no one here) and -XX:+AlwaysPreTouch (a development box shares its memory with Maven, the
     * backend and a browser: no point committing the whole heap up front).
     */
    static List<String> jvmOptions(Path home, Path tmp, Path logs) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Des.networkaddress.cache.ttl=60",
                "-Des.networkaddress.cache.negative.ttl=10",
                "-Xss1m",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Djna.nosys=true",
                "-XX:-OmitStackTraceInFastThrow",
                "-Dio.netty.noUnsafe=true",
                "-Dio.netty.noKeySetOptimization=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0",
                "-Dlog4j.shutdownHookEnabled=false",
                "-Dlog4j2.disable.jmx=true",
                "-Dlog4j2.formatMsgNoLookups=true",
                "-Djava.locale.providers=CLDR",
                "-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=" + Runtime.version().feature(),
                "-Des.path.home=" + home,
                "-Des.distribution.type=tar",
                "-Des.java.type=user JDK",
                // 9.5 loads native libraries (zstd, the syscall filter, the root check) through org.elasticsearch.foreign
                "--enable-native-access=org.elasticsearch.nativeaccess,org.elasticsearch.foreign,"
                        + "org.elasticsearch.foreign.adapter,org.apache.lucene.core",
                "--enable-native-access=ALL-UNNAMED",
                // libvec (SIMD vector distances) ships only in the official tarball; without it native access as a
                // whole fails (no root check, no syscall filter), so use the Java vector API instead
                "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false",
                "-XX:ReplayDataFile=" + logs.resolve("replay_pid%p.log"),
                "-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log"),
                // Entitlements (the successor of the security manager): the server attaches our agent to itself,
                // which rewrites sensitive JDK methods to call the bridge; the bridge must live in java.base.
                "-Des.entitlements.enabled=true",
                "-XX:+EnableDynamicAgentLoading",
                "-Djdk.attach.allowAttachSelf=true",
                "--patch-module=java.base=" + onlyJar(home.resolve("lib/entitlement-bridge")),
                "--add-exports=java.base/org.elasticsearch.entitlement.bridge="
                        + "org.elasticsearch.entitlement,java.logging,java.net.http,java.naming,jdk.net",
                // config/jvm.options
                "-XX:+UseG1GC",
                "-Djava.io.tmpdir=" + tmp,
                "--add-modules=jdk.incubator.vector",
                "-Dorg.apache.lucene.store.defaultReadAdvice=normal",
                "-Dorg.apache.lucene.store.MMapDirectory.sharedArenaMaxPermits=1",
                "-XX:+ExitOnOutOfMemoryError"));
        if (Runtime.version().feature() >= 24) {
            options.add("--illegal-native-access=deny");
        }
        String userOptions = System.getenv().getOrDefault("ES_JAVA_OPTS", "").trim();
        List<String> user = userOptions.isEmpty() ? List.of() : Arrays.asList(userOptions.split("\\s+"));
        if (user.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            options.addAll(List.of("-Xms512m", "-Xmx512m"));
        }
        options.addAll(user);
        // As the CLI's ergonomics: direct memory (network buffers) half the heap unless set.
        if (options.stream().noneMatch(o -> o.startsWith("-XX:MaxDirectMemorySize"))) {
            long heap = options.stream().filter(o -> o.startsWith("-Xmx")).map(o -> bytes(o.substring(4)))
                    .reduce((a, b) -> b).orElseThrow();
            options.add("-XX:MaxDirectMemorySize=" + heap / 2);
        }
        return options;
    }

    private static String onlyJar(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                fail("expected exactly one jar in " + dir + ", found " + jars);
            }
            return jars.get(0).toString();
        }
    }

    /** -Xmx-style sizes: 512m, 1g, 524288k, or bytes. */
    static long bytes(String size) {
        String s = size.toLowerCase();
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** Asks the server to shut down (the marker the CLI sends on stdin) and waits for it, as the CLI does. */
    private static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        try {
            OutputStream stdin = server.getOutputStream();
            stdin.write(BootstrapInfo.SERVER_SHUTDOWN_MARKER);
            stdin.flush();
        } catch (IOException e) {
            // already going away
        }
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
        }
    }

    private static void fail(String message) {
        System.err.println("[launcher] " + message);
        System.exit(1);
    }
}
