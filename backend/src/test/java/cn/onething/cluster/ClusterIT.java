package cn.onething.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.TestServers;

/**
 * Two real backend processes (the packaged jar) on one PostgreSQL, and the faults a cluster meets: work filed on
 * one node and worked on the other, timers that both nodes' job executors compete for, a node killed with kill -9
 * under load, PostgreSQL restarted under load, Keycloak and Elasticsearch away.
 *
 * <p>Everything runs on servers of the test's own, so that no fault reaches anything shared: a scratch PostgreSQL
 * cluster (initdb under /tmp, its own port), and TCP proxies in front of the shared Keycloak and Elasticsearch that
 * the test stops and starts; the search alias is `onething-cluster`, its indexes deleted at the end. Node logs are
 * in backend/target/cluster/. Run by maven-failsafe: {@code mvn -pl backend verify -Dit.test=ClusterIT}.
 *
 * <p>The platform's clock: the nodes run on the fixed-start clock (`onething.clock.start`) of Monday 2026-11-23 09:00
 * Beijing time; every node started later gets the same clock (the start plus the real time since), so that the two
 * nodes agree on "now" as real cluster nodes do. Restarting both with the clock 40 days on makes every timer of the
 * cases filed before due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant PLATFORM_START = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();
    private static final String DATABASE = "onething";
    private static final String ALIAS = "onething-cluster";
    /** How long a node's job executor holds a job it took: a killed node's jobs are free again after this. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(8);
    private static final List<String> CITIZENS = List.of("citizen1", "citizen2", "citizen3");
    /** The officers of the departments of 出生一件事. */
    private static final List<String> OFFICERS = List.of("officer-hospital", "officer-cdc", "officer-police",
            "officer-hrss", "officer-medicare", "officer-union");
    private static final int BIRTH_ITEMS = 7;
    private static final int BIRTH_MATERIALS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path logs = TestServers.projectRoot().resolve("backend/target/cluster");
    private final long began = System.nanoTime();
    private final Thread cleanUpOnExit = new Thread(this::tearDown, "cluster-it-cleanup");

    private ScratchPostgres postgres;
    private TcpProxy keycloak;
    private TcpProxy search;
    private String elasticsearch;
    private Client client;
    private Node a;
    private Node b;
    /** Platform time minus real time, for nodes started from now on. */
    private Duration clockOffset;
    /** Each citizen's five materials, uploaded once and given with every application. */
    private final Map<String, Map<String, String>> materials = new LinkedHashMap<>();
    /** Cases filed for part 3, whose due timers are let loose while node B is killed. */
    private final List<String> part3Cases = new ArrayList<>();

    @RegisterExtension
    final TestWatcher tails = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printTails();
        }
    };

    // ---------------------------------------------------------------- the cluster

    @BeforeAll
    void startCluster() throws Exception {
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
        try {
            Files.createDirectories(logs);
            TestServers.startKeycloak(); // reuses the one running (bin/keycloak start)
            elasticsearch = TestServers.elasticsearchUrl(); // likewise
            URI kc = URI.create(Api.KEYCLOAK);
            keycloak = new TcpProxy("keycloak", kc.getHost(), kc.getPort()).start();
            URI es = URI.create(elasticsearch);
            search = new TcpProxy("elasticsearch", es.getHost(), es.getPort()).start();
            deleteIndexes();
            postgres = ScratchPostgres.start(DATABASE);
            log("scratch PostgreSQL on port " + postgres.port() + ", Keycloak proxy " + keycloak.url()
                    + ", Elasticsearch proxy " + search.url());
            client = new Client(keycloak.url());
            Stream.concat(Stream.of("admin1", "manager1"), Stream.concat(CITIZENS.stream(), OFFICERS.stream()))
                    .forEach(client::token);

            Path jar;
            try (Stream<Path> files = Files.list(TestServers.projectRoot().resolve("backend/target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("onething-backend-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no backend/target/onething-backend-*.jar: run "
                                + "`mvn -pl backend package` (failsafe runs after it in `mvn verify`)"));
            }
            a = new Node("a", jar, logs);
            b = new Node("b", jar, logs);
            clockOffset = Duration.between(Instant.now(), PLATFORM_START);
            // one after the other on a new database: the first creates the schemas (Flyway, Camunda)
            a.start(arguments(a));
            a.awaitReady(Duration.ofMinutes(3));
            b.start(arguments(b));
            b.awaitReady(Duration.ofMinutes(3));
            log("nodes a (" + a.url() + ", pid " + a.pid() + ") and b (" + b.url() + ", pid " + b.pid() + ") ready");
            for (String citizen : CITIZENS) {
                materials.put(citizen, uploadMaterials(a, citizen));
            }
        } catch (Throwable e) {
            printTails();
            throw e;
        }
    }

    private List<String> arguments(Node node) {
        Instant platformNow = Instant.now().plus(clockOffset).truncatedTo(ChronoUnit.MILLIS);
        return List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(DATABASE),
                "--spring.datasource.username=postgres",
                "--onething.search.url=" + search.url(),
                "--onething.search.alias=" + ALIAS,
                "--onething.clock.start=" + OffsetDateTime.ofInstant(platformNow, BEIJING),
                // the signing keys through the proxy; the issuer stays the real one, as in the tokens
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + keycloak.url()
                        + "/realms/onething/protocol/openid-connect/certs",
                "--onething.security.keys-refresh=5s",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000",
                // the job log (ACT_HI_JOB_LOG.HOSTNAME_, kept at full history) says which node ran each timer
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.generic-properties.properties.hostname=node-" + node.name());
    }

    @AfterAll
    void stopCluster() {
        tearDown();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException e) {
            // shutting down already
        }
        log("done");
    }

    private synchronized void tearDown() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                try {
                    node.stop();
                } catch (Exception e) {
                    System.err.println("node " + node.name() + " not stopped: " + e);
                }
            }
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (search != null) {
            search.stop();
        }
        if (postgres != null) {
            postgres.destroy();
            postgres = null;
        }
        try {
            deleteIndexes();
        } catch (Exception e) {
            System.err.println("indexes of " + ALIAS + " not deleted: " + e);
        }
    }

    // ---------------------------------------------------------------- 1. work crosses nodes

    @Test
    @Order(1)
    void caseFiledOnOneNodeIsWorkedOnTheOther() {
        String caseId = submit(a, "citizen1").get("id").asText();

        JsonNode task = awaitTask(b, "officer-hospital", caseId, "birthCertificate");
        String taskId = task.get("id").asText();
        Client.Reply claimed = client.post(b, "officer-hospital", "/api/tasks/" + taskId + "/claim", Map.of());
        assertThat(claimed.status()).as("officer-hospital claims, on node B, the task of a case filed on node A; "
                + "otherwise an officer behind another node cannot take the work: %s", claimed).isEqualTo(200);
        assertThat(claimed.json().path("assignee").asText()).as("the claim holds").isEqualTo("officer-hospital");
        Client.Reply approved = client.post(b, "officer-hospital", "/api/tasks/" + taskId + "/complete",
                Map.of("decision", "approve", "comment", "出生医学证明已签发"));
        assertThat(approved.status()).as("officer-hospital approves on node B: %s", approved).isEqualTo(200);

        Client.Reply detail = client.get(a, "citizen1", "/api/cases/" + caseId);
        assertThat(detail.status()).as("the applicant reads the case on node A: %s", detail).isEqualTo(200);
        Map<String, JsonNode> items = items(detail.json());
        assertThat(items.get("birthCertificate").path("status").asText())
                .as("node A shows the applicant the item approved on node B; otherwise they see stale work")
                .isEqualTo("APPROVED");
        assertThat(items.get("birthCertificate").path("decidedBy").asText()).as("who decided").isNotBlank();
        assertThat(items.get("householdRegistration").path("status").asText())
                .as("the process moved on (node B's engine) to 出生登记, which node A shows in progress")
                .isEqualTo("IN_PROGRESS");
        awaitTask(a, "officer-police", caseId, "householdRegistration");
        log("1: case " + detail.json().path("number").asText() + " filed on A, approved on B, next step on A");
    }

    // ---------------------------------------------------------------- 2. timers once across the cluster

    @Test
    @Order(2)
    void timersFireExactlyOnceAcrossTheCluster() throws Exception {
        // cases filed on both nodes at the platform's 2026-11-23; officer-cdc claims each vaccination through the
        // other node, so that an assignee is told too
        Set<String> part2Cases = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Node via = i % 2 == 0 ? a : b;
            Node other = via == a ? b : a;
            String caseId = submit(via, CITIZENS.get(i % CITIZENS.size())).get("id").asText();
            part2Cases.add(caseId);
            String taskId = awaitTask(other, "officer-cdc", caseId, "vaccination").get("id").asText();
            Client.Reply claimed = client.post(other, "officer-cdc", "/api/tasks/" + taskId + "/claim", Map.of());
            assertThat(claimed.status()).as("claim: %s", claimed).isEqualTo(200);
        }
        // the cases whose timers part 3 lets loose while node B is killed
        for (int i = 0; i < 16; i++) {
            part3Cases.add(submit(i % 2 == 0 ? a : b, CITIZENS.get(i % CITIZENS.size())).get("id").asText());
        }
        // Hold every timer of 出生一件事 until both nodes run again: then they meet the due timers together, and
        // not the one that happens to start first. Camunda's own job suspension, through its REST API (admin).
        Client.Reply held = client.put(a, "admin1", "/engine-rest/job/suspended",
                Map.of("processDefinitionKey", "birth", "suspended", true));
        assertThat(held.status()).as("suspend the timers: %s", held).isEqualTo(204);

        List<TaskTimers> tasks = openTasks(part2Cases);
        assertThat(tasks).as("the open tasks of the cases of part 2: three items start at once").hasSize(4 * 3);
        // a 1-day item is near its deadline from the start: its 预警 has run already, on whichever node took it
        long waiting = count("select count(*) from act_ru_job where type_ = 'timer' and process_instance_id_ = any(?)",
                instances(part2Cases));
        long runEarly = executedBy(part2Cases).values().stream().mapToLong(Long::longValue).sum();
        assertThat(waiting + runEarly).as("each open task has its two timers (预警, 超期), waiting or run (%d run "
                + "before the hold)", runEarly).isEqualTo(2L * tasks.size());
        assertThat(waiting).as("timers wait for the clock to move on").isPositive();

        // both nodes stopped, and started again with the clock 40 days on: every one of those timers is due
        a.stop();
        b.stop();
        clockOffset = clockOffset.plus(Duration.ofDays(40));
        a.start(arguments(a));
        b.start(arguments(b));
        a.awaitReady(Duration.ofMinutes(3));
        b.awaitReady(Duration.ofMinutes(3));
        log("2: both nodes restarted with the clock 40 days on");

        for (String instance : instances(part2Cases)) {
            Client.Reply released = client.put(a, "admin1", "/engine-rest/job/suspended",
                    Map.of("processInstanceId", instance, "suspended", false));
            assertThat(released.status()).as("activate the timers: %s", released).isEqualTo(204);
        }
        awaitTimersDone(part2Cases, Duration.ofSeconds(90));

        assertToldOnce(tasks);
        Map<String, Long> byNode = executedBy(part2Cases);
        log("2: " + tasks.size() + " tasks, timers run by " + byNode);
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum())
                .as("the job log records each timer run once").isEqualTo(2L * tasks.size());
        assertNoRepeatedReminders();
        assertNothingHalfWritten("after the timers");
    }

    // ---------------------------------------------------------------- 3. kill -9 under load

    @Test
    @Order(3)
    void killingANodeUnderLoadLosesNothing() throws Exception {
        assertThat(part3Cases).as("part 2 filed the cases whose timers this part runs").isNotEmpty();
        ensureRunning(a);
        ensureRunning(b);
        List<TaskTimers> timed = openTasks(part3Cases);
        Set<String> spared = new HashSet<>(part3Cases); // their tasks stay open: their timers are counted
        Traffic traffic = new Traffic(client);
        for (Node node : List.of(a, b)) {
            traffic.citizenFiling(node, "citizen1", materials.get("citizen1"))
                    .citizenFiling(node, "citizen2", materials.get("citizen2"))
                    .officersApproving(node, OFFICERS, caseId -> !spared.contains(caseId));
        }
        // both nodes have confirmed filings before the kill (on a slow machine the first ones take seconds)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Node node : List.of(a, b)) {
                assertThat(traffic.soFar().stream().filter(c -> c.node().equals(node.name())
                        && c.kind().equals("submit") && c.ok()).count())
                        .as("filings confirmed by node %s under the load", node.name()).isGreaterThanOrEqualTo(2);
            }
        });
        for (String instance : instances(part3Cases)) {
            client.put(a, "admin1", "/engine-rest/job/suspended", Map.of("processInstanceId", instance, "suspended", false));
        }
        // kill -9 node B while both job executors hold timer jobs (two lock owners at once), at most 15 s on
        Map<String, JobLock> locked = Map.of();
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            locked = locks(part3Cases);
            if (locked.values().stream().map(JobLock::owner).distinct().count() >= 2) {
                break;
            }
            Thread.sleep(20);
        }
        boolean bothHeldJobs = locked.values().stream().map(JobLock::owner).distinct().count() >= 2;
        b.kill();
        Instant killed = Instant.now();
        log("3: node b killed (kill -9) " + (bothHeldJobs ? "while both nodes held timer jobs" : "(could not catch "
                + "both nodes holding timer jobs)") + "; " + locked.size() + " jobs locked at that moment");
        Thread.sleep(3000); // node A alone under the load
        List<Traffic.Call> calls = traffic.stop();
        assertThat(b.alive()).as("node B is dead").isFalse();

        Set<String> filed = Traffic.createdCases(calls);
        List<Traffic.Call> approved = Traffic.completed(calls);
        long filedOnB = calls.stream().filter(c -> c.node().equals("b") && c.kind().equals("submit") && c.ok()).count();
        log("3: " + filed.size() + " cases filed (" + filedOnB + " on b), " + approved.size() + " tasks approved, "
                + calls.stream().filter(c -> c.status() == 0).count() + " requests unanswered (node b gone)");
        assertThat(filedOnB).as("node B confirmed filings before it was killed (else the kill tested nothing)")
                .isPositive();
        assertNoServerErrors(calls.stream().filter(c -> c.node().equals("a")).toList(), Set.of());

        assertConfirmedWorkKept(filed, approved);

        // node A takes over: the timers node B held run on A once their lock has run out
        awaitTimersDone(part3Cases, LOCK_TIME.plusSeconds(60));
        assertToldOnce(timed);
        assertNoRepeatedReminders();
        Map<String, LocalDateTime> done = new TreeMap<>();
        for (Map<String, Object> row : rows("select job_id_, timestamp_, hostname_ from act_hi_job_log where job_state_ = 2 "
                + "and process_instance_id_ = any(?)", (Object) instances(part3Cases).toArray(String[]::new))) {
            done.put((String) row.get("job_id_"), ((java.sql.Timestamp) row.get("timestamp_")).toLocalDateTime());
        }
        List<String> takenOver = locked.entrySet().stream().filter(e -> done.containsKey(e.getKey())
                && !done.get(e.getKey()).isBefore(e.getValue().expires().minusSeconds(2))).map(Map.Entry::getKey).toList();
        log("3: timers run by " + executedBy(part3Cases) + "; " + takenOver.size() + " of the " + locked.size()
                + " jobs locked at the kill ran on A only after their lock ran out (held by the killed node)");
        if (bothHeldJobs) {
            assertThat(takenOver).as("timer jobs node B held when it was killed are run by node A once their lock "
                    + "runs out; otherwise those deadlines would never be announced").isNotEmpty();
        }
        assertNothingHalfWritten("after kill -9");

        // node B comes back from the kill
        ensureRunning(b);
        assertThat(client.get(b, "manager1", "/api/cases?size=1").status()).as("node B serves again after its kill")
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------- 4. PostgreSQL restarted under load

    @Test
    @Order(4)
    void postgresRestartedUnderLoad() throws Exception {
        ensureRunning(a);
        ensureRunning(b);
        Traffic traffic = new Traffic(client);
        for (Node node : List.of(a, b)) {
            traffic.citizenFiling(node, node == a ? "citizen1" : "citizen2",
                    materials.get(node == a ? "citizen1" : "citizen2"))
                    .officersApproving(node, OFFICERS, caseId -> true)
                    .citizenReading(node, "citizen3");
        }
        Thread.sleep(2000);
        Instant down = Instant.now();
        postgres.stop();
        log("4: PostgreSQL stopped (fast shutdown)");
        Thread.sleep(1000);
        Node.Readiness duringOutage = a.readiness();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), down.plusSeconds(10)).toMillis()));
        postgres.startServer();
        Instant up = Instant.now();
        log("4: PostgreSQL started again after " + Duration.between(down, up).toMillis() + " ms");

        // the service returns by itself: both nodes file cases again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Node node : List.of(a, b)) {
                assertThat(traffic.soFar()).as("node %s files cases again after the database came back", node.name())
                        .anyMatch(c -> c.node().equals(node.name()) && c.kind().equals("submit") && c.status() == 201
                                && c.at().isAfter(up));
            }
        });
        Duration recovery = Duration.between(up, Instant.now());
        Thread.sleep(1000);
        List<Traffic.Call> calls = traffic.stop();
        for (Node node : List.of(a, b)) {
            awaitReadiness(node, "UP", Duration.ofSeconds(60));
        }
        List<Traffic.Call> unavailable = calls.stream().filter(c -> c.status() == 503).toList();
        log("4: " + calls.size() + " requests, " + unavailable.size() + " answered 503, both nodes serving again "
                + recovery.toMillis() + " ms after the restart");

        assertThat(duringOutage.status()).as("readiness during the outage is DOWN (503), so that a load balancer "
                + "sends no one to a node that cannot serve: %s", duringOutage.body()).isEqualTo(503);
        assertThat(unavailable).as("the outage was felt (else this part tested nothing)").isNotEmpty();
        assertThat(calls).as("no request went unanswered: a user must always be told what happened")
                .noneMatch(c -> c.status() == 0);
        assertNoServerErrors(calls, Set.of(503));
        for (Traffic.Call c : unavailable) {
            assertThat(c.reply().header("Retry-After")).as("503 says when to retry (Retry-After): %s", c)
                    .isNotNull().matches("\\d+");
            assertThat(c.reply().header("Content-Type")).as("503 is a problem (RFC 9457): %s", c)
                    .startsWith("application/problem+json");
            JsonNode problem = c.reply().json();
            assertThat(problem.path("status").asInt()).as("problem status: %s", c).isEqualTo(503);
            assertThat(problem.path("title").asText() + problem.path("detail").asText())
                    .as("the problem tells the user to retry: %s", c).contains("重试");
        }
        assertConfirmedWorkKept(Traffic.createdCases(calls), Traffic.completed(calls));
        assertNothingHalfWritten("after the PostgreSQL restart");
    }

    // ---------------------------------------------------------------- 5. Keycloak away

    @Test
    @Order(5)
    void keycloakAwaySignedInUsersWorkOn() throws Exception {
        ensureRunning(a);
        ensureRunning(b);
        for (Node node : List.of(a, b)) {
            // each node has checked these users' tokens (and so holds Keycloak's signing keys)
            for (String user : List.of("citizen1", "officer-cdc")) {
                assertThat(client.get(node, user, "/api/me").status()).isEqualTo(200);
            }
        }
        keycloak.stop();
        Instant down = Instant.now();
        try {
            for (Node node : List.of(a, b)) {
                JsonNode health = awaitReadiness(node, "DEGRADED", Duration.ofSeconds(30));
                assertThat(health.at("/components/keycloak/status").asText())
                        .as("node %s reports sign-in (keycloak) DEGRADED: %s", node.name(), health).isEqualTo("DEGRADED");
                assertThat(health.at("/components/db/status").asText()).as("the database is fine").isEqualTo("UP");
            }
            // the keys held outlive their refresh (every 5 s) while Keycloak is away
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), down.plusSeconds(12)).toMillis()));
            for (Node node : List.of(a, b)) {
                Client.Reply me = client.get(node, "citizen1", "/api/me");
                assertThat(me.status()).as("a citizen signed in before Keycloak went away keeps working on node %s "
                        + "after two key refreshes; otherwise every user is thrown out: %s", node.name(), me)
                        .isEqualTo(200);
                assertThat(me.json().path("username").asText()).isEqualTo("citizen1");
            }
            String filed = submit(b, "citizen1").get("id").asText();
            JsonNode task = awaitTask(a, "officer-cdc", filed, "vaccination");
            Client.Reply approved = client.post(a, "officer-cdc", "/api/tasks/" + task.get("id").asText() + "/complete",
                    Map.of("decision", "approve", "comment", "已接种登记"));
            assertThat(approved.status()).as("an officer signed in before keeps deciding: %s", approved).isEqualTo(200);
            assertThatThrownBy(() -> client.login("citizen2"))
                    .as("a new sign-in fails while Keycloak is away, and says why")
                    .isInstanceOf(Client.LoginFailed.class).hasMessageContaining("Keycloak is unreachable")
                    .hasCauseInstanceOf(ConnectException.class);
            for (Node node : List.of(a, b)) {
                Node.Readiness r = node.readiness();
                assertThat(r.status()).as("node %s stays ready (200) without Keycloak: %s", node.name(), r.body())
                        .isEqualTo(200);
            }
        } finally {
            keycloak.start();
        }
        for (Node node : List.of(a, b)) {
            awaitReadiness(node, "UP", Duration.ofSeconds(30));
        }
        assertThat(client.login("citizen2")).as("sign-in works again once Keycloak is back").isNotBlank();
        log("5: Keycloak away: signed-in users worked on both nodes, new sign-in refused, readiness DEGRADED then UP");
    }

    // ---------------------------------------------------------------- 6. Elasticsearch away

    @Test
    @Order(6)
    void elasticsearchAwayCasesAreFiledAndFoundLater() throws Exception {
        ensureRunning(a);
        ensureRunning(b);
        search.stop();
        Map<String, String> numbers = new LinkedHashMap<>(); // case id -> number
        Instant back;
        try {
            for (Node node : List.of(a, b, a)) {
                JsonNode filed = submit(node, "citizen2");
                numbers.put(filed.get("id").asText(), filed.get("number").asText());
            }
            for (Node node : List.of(a, b)) {
                JsonNode health = awaitReadiness(node, "DEGRADED", Duration.ofSeconds(30));
                assertThat(health.at("/components/search/status").asText())
                        .as("node %s reports search DEGRADED while Elasticsearch is away: %s", node.name(), health)
                        .isEqualTo("DEGRADED");
            }
            Client.Reply searched = client.get(a, "citizen2", "/api/search?q=" + numbers.values().iterator().next());
            assertThat(searched.status()).as("search says it is away (503), rather than finding nothing: %s", searched)
                    .isEqualTo(503);
            assertThat(searched.header("Content-Type")).startsWith("application/problem+json");
            assertThat(count("select count(*) from search_outbox")).as("the changes wait in the outbox").isPositive();
            Thread.sleep(3000); // the relays fail a few times more
        } finally {
            search.start();
            back = Instant.now();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, String> c : numbers.entrySet()) {
                for (Node node : List.of(a, b)) {
                    Client.Reply found = client.get(node, "citizen2", "/api/search?type=case&q=" + c.getValue());
                    assertThat(found.status()).as("search on node %s: %s", node.name(), found).isEqualTo(200);
                    assertThat(found.json().path("items").findValuesAsText("caseId"))
                            .as("the case %s filed while Elasticsearch was away is found by its number on node %s "
                                    + "once it is back; otherwise the applicant cannot find it", c.getValue(), node.name())
                            .contains(c.getKey());
                }
            }
        });
        Duration catchUp = Duration.between(back, Instant.now());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count("select count(*) from search_outbox"))
                .as("the outbox is emptied").isZero());
        for (Node node : List.of(a, b)) {
            awaitReadiness(node, "UP", Duration.ofSeconds(60));
        }
        log("6: " + numbers.size() + " cases filed without Elasticsearch, found " + catchUp.toMillis()
                + " ms after it came back");
    }

    // ---------------------------------------------------------------- what users rely on

    /** Every case whose filing got 201 is there whole; every task whose approval got 2xx is decided. */
    private void assertConfirmedWorkKept(Set<String> filed, List<Traffic.Call> approved) throws SQLException {
        Set<String> stored = new HashSet<>(strings("select id from case_file where id = any(?)",
                (Object) filed.toArray(String[]::new)));
        assertThat(filed).as("cases whose filing the applicant was told succeeded (201) are in the database; a "
                + "missing one is an application the citizen believes filed and nobody will ever work").isSubsetOf(stored);
        Set<String> withProcess = new HashSet<>(strings("select business_key_ from act_hi_procinst where business_key_ = any(?)",
                (Object) filed.toArray(String[]::new)));
        assertThat(filed).as("each filed case has its process (else no department ever gets its tasks)")
                .isSubsetOf(withProcess);
        for (String caseId : filed) {
            Client.Reply detail = client.get(a, "manager1", "/api/cases/" + caseId);
            assertThat(detail.status()).as("node A shows the filed case %s: %s", caseId, detail).isEqualTo(200);
            assertThat(detail.json().path("items").size()).as("with all its items").isEqualTo(BIRTH_ITEMS);
        }
        Map<String, String> decided = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("select task_id, status from case_item where task_id = any(?)",
                (Object) approved.stream().map(Traffic.Call::taskId).toArray(String[]::new))) {
            decided.put((String) row.get("task_id"), (String) row.get("status"));
        }
        for (Traffic.Call c : approved) {
            assertThat(decided.get(c.taskId())).as("the item of a task whose approval the officer was told succeeded "
                    + "is approved; otherwise the decision is lost: %s", c).isEqualTo("APPROVED");
        }
        Set<String> stillOpen = new HashSet<>(strings("select id_ from act_ru_task where id_ = any(?)",
                (Object) approved.stream().map(Traffic.Call::taskId).toArray(String[]::new)));
        assertThat(stillOpen).as("a task approved with a 2xx is no longer open in the engine").isEmpty();
        for (Traffic.Call c : approved.stream().limit(20).toList()) {
            Client.Reply detail = client.get(a, "manager1", "/api/cases/" + c.caseId());
            assertThat(items(detail.json()).get(c.itemCode()).path("status").asText())
                    .as("node A shows the approval confirmed to the officer: %s", c).isEqualTo("APPROVED");
        }
    }

    /** No case is half-written: a case without items, materials or process, an item out of step with the engine. */
    private void assertNothingHalfWritten(String when) throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("case without all its items", "select c.number from case_file c "
                + "where (select count(*) from case_item i where i.case_id = c.id) <> " + BIRTH_ITEMS);
        checks.put("case without all its materials", "select c.number from case_file c "
                + "where (select count(*) from case_material m where m.case_id = c.id) <> " + BIRTH_MATERIALS);
        checks.put("case without its 提交申请 timeline entry", "select c.number from case_file c "
                + "where not exists (select 1 from case_event e where e.case_id = c.id and e.type = 'SUBMITTED')");
        checks.put("case without a process instance", "select c.number from case_file c "
                + "where not exists (select 1 from act_hi_procinst p where p.business_key_ = c.id)");
        checks.put("case in progress whose process is not running", "select c.number from case_file c "
                + "where c.status = 'IN_PROGRESS' and not exists (select 1 from act_ru_execution e "
                + "where e.business_key_ = c.id and e.id_ = e.proc_inst_id_)");
        checks.put("case completed whose process still runs", "select c.number from case_file c "
                + "where c.status = 'COMPLETED' and exists (select 1 from act_ru_execution e "
                + "where e.business_key_ = c.id and e.id_ = e.proc_inst_id_)");
        checks.put("process instance without its case", "select p.id_ from act_hi_procinst p "
                + "where p.proc_def_key_ = 'birth' and not exists (select 1 from case_file c where c.id = p.business_key_)");
        checks.put("item in progress without an open task", "select i.case_id || ' ' || i.item_code from case_item i "
                + "where i.status = 'IN_PROGRESS' and not exists (select 1 from act_ru_task t where t.id_ = i.task_id)");
        checks.put("open task whose item is not in progress", "select t.id_ || ' ' || t.task_def_key_ from act_ru_task t "
                + "where t.proc_def_id_ like 'birth:%' and not exists "
                + "(select 1 from case_item i where i.task_id = t.id_ and i.status = 'IN_PROGRESS')");
        checks.put("item decided without who and when, or with its task still open", "select i.case_id || ' ' || "
                + "i.item_code from case_item i where i.status in ('APPROVED', 'REJECTED') and (i.decided_at is null "
                + "or i.decided_by is null or exists (select 1 from act_ru_task t where t.id_ = i.task_id))");
        checks.put("timer job that failed", "select id_ || ' ' || coalesce(exception_msg_, '') from act_ru_job "
                + "where exception_msg_ is not null or retries_ < 3");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> check : checks.entrySet()) {
            List<String> rows = strings(check.getValue());
            if (!rows.isEmpty()) {
                found.put(check.getKey(), rows.subList(0, Math.min(10, rows.size())));
            }
        }
        assertThat(found).as("nothing half-written %s: every case whole, in step with its process", when).isEmpty();
    }

    /** Each recipient of a task's reminders (its assignee, its department's leads) told of 预警 and 超期 exactly once. */
    private void assertToldOnce(List<TaskTimers> tasks) throws SQLException {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        for (TaskTimers t : tasks) {
            Map<String, Long> got = new TreeMap<>();
            for (Map<String, Object> row : rows("select recipient, kind, count(*) as n from notification "
                    + "where task_id = ? and kind in ('WARNING', 'ESCALATION') group by recipient, kind", t.taskId())) {
                got.put(row.get("recipient") + " " + row.get("kind"), ((Number) row.get("n")).longValue());
            }
            Map<String, Long> told = new TreeMap<>();
            told.put("lead:" + t.department() + " WARNING", 1L);
            told.put("lead:" + t.department() + " ESCALATION", 1L);
            if (t.assignee() != null) {
                String assignee = "user:" + t.assignee();
                // a 预警 run already may have come before the claim, and then told the lead alone
                if (!t.warned() || got.containsKey(assignee + " WARNING")) {
                    told.put(assignee + " WARNING", 1L);
                }
                told.put(assignee + " ESCALATION", 1L);
            }
            expected.put(t.taskId() + " " + t.item(), told);
            actual.put(t.taskId() + " " + t.item(), got);
        }
        assertThat(actual).as("each assignee and department lead is told of each task's nearing deadline (预警) and "
                + "its overdue escalation (超期督办) exactly once: a missing one lets a deadline pass unnoticed, a second "
                + "one means the cluster ran a timer twice").isEqualTo(expected);
    }

    private void assertNoRepeatedReminders() throws SQLException {
        assertThat(strings("select recipient || ' ' || kind || ' ' || task_id || ' x' || count(*) from notification "
                + "where kind in ('WARNING', 'ESCALATION') group by recipient, kind, task_id having count(*) > 1"))
                .as("no one is told the same deadline twice (anywhere in the database)").isEmpty();
    }

    /** No answer in the 5xx range but the allowed ones; 4xx only for officers racing for one task. */
    private static void assertNoServerErrors(List<Traffic.Call> calls, Set<Integer> allowed5xx) {
        assertThat(calls.stream().filter(c -> c.status() >= 500 && !allowed5xx.contains(c.status())).toList())
                .as("no server error (5xx%s): a user must get a clear answer", allowed5xx.isEmpty() ? "" : " other than "
                        + allowed5xx).isEmpty();
        assertThat(calls.stream().filter(c -> c.status() >= 400 && c.status() < 500
                && !(c.kind().equals("complete") && (c.status() == 409 || c.status() == 404))).toList())
                .as("no refusal but an officer losing a race for a task (409/404)").isEmpty();
        assertThat(calls.stream().filter(c -> c.kind().equals("error")).toList()).as("no user saw a broken answer")
                .isEmpty();
    }

    // ---------------------------------------------------------------- timers and jobs

    /** An open task; warned: its 预警 had run already (a 1-day item is near its deadline from the start). */
    record TaskTimers(String taskId, String item, String department, String assignee, boolean warned) {
    }

    record JobLock(String owner, LocalDateTime expires) {
    }

    private List<TaskTimers> openTasks(Collection<String> caseIds) throws SQLException {
        List<TaskTimers> tasks = new ArrayList<>();
        for (Map<String, Object> row : rows("select t.id_, t.task_def_key_, t.assignee_, "
                + "(select min(l.group_id_) from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate') "
                + "as department, exists (select 1 from notification n where n.task_id = t.id_ and n.kind = 'WARNING') "
                + "as warned from act_ru_task t where t.proc_inst_id_ = any(?)",
                (Object) instances(caseIds).toArray(String[]::new))) {
            tasks.add(new TaskTimers((String) row.get("id_"), (String) row.get("task_def_key_"),
                    (String) row.get("department"), (String) row.get("assignee_"), (Boolean) row.get("warned")));
        }
        return tasks;
    }

    private List<String> instances(Collection<String> caseIds) throws SQLException {
        return strings("select proc_inst_id_ from act_ru_execution where id_ = proc_inst_id_ and business_key_ = any(?)",
                (Object) caseIds.toArray(String[]::new));
    }

    private Map<String, JobLock> locks(Collection<String> caseIds) throws SQLException {
        Map<String, JobLock> locks = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("select j.id_, j.lock_owner_, j.lock_exp_time_ from act_ru_job j "
                + "join act_ru_execution e on e.id_ = j.process_instance_id_ where e.business_key_ = any(?) "
                + "and j.lock_owner_ is not null", (Object) caseIds.toArray(String[]::new))) {
            locks.put((String) row.get("id_"), new JobLock((String) row.get("lock_owner_"),
                    ((java.sql.Timestamp) row.get("lock_exp_time_")).toLocalDateTime()));
        }
        return locks;
    }

    private void awaitTimersDone(Collection<String> caseIds, Duration limit) throws SQLException {
        List<String> instances = instances(caseIds);
        String left = "select id_ || ' retries ' || retries_ || ' locked by ' || coalesce(lock_owner_, '-') || ' ' || "
                + "coalesce(exception_msg_, '') from act_ru_job where type_ = 'timer' and process_instance_id_ = any(?)";
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(
                    () -> strings(left, (Object) instances.toArray(String[]::new)).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timers still waiting after " + limit + " (a deadline the cluster never "
                    + "announces): " + strings(left, (Object) instances.toArray(String[]::new)), e);
        }
    }

    /** Successful timer runs per node (the job log's host name). */
    private Map<String, Long> executedBy(Collection<String> caseIds) throws SQLException {
        Map<String, Long> byNode = new TreeMap<>();
        for (Map<String, Object> row : rows("select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 "
                + "and process_instance_id_ = any(?) group by hostname_",
                (Object) instances(caseIds).toArray(String[]::new))) {
            byNode.put((String) row.get("hostname_"), ((Number) row.get("n")).longValue());
        }
        return byNode;
    }

    // ---------------------------------------------------------------- users

    private Map<String, String> uploadMaterials(Node node, String citizen) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : List.of("deliveryRecord", "parentsIdCards", "householdBook", "marriageCertificate")) {
            ids.put(code, uploaded(client.upload(node, citizen, code + ".pdf", BirthApplication.pdf(citizen + code),
                    "application/pdf")));
        }
        ids.put("babyPhoto", uploaded(client.upload(node, citizen, "baby.png", BirthApplication.PNG, "image/png")));
        return ids;
    }

    private static String uploaded(Client.Reply r) {
        assertThat(r.status()).as("upload: %s", r).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode submit(Node node, String citizen) {
        Client.Reply r = client.post(node, citizen, "/api/cases",
                Map.of("bundleCode", "birth", "form", BirthApplication.form(), "materials", materials.get(citizen)));
        assertThat(r.status()).as("%s files 出生一件事 on node %s: %s", citizen, node.name(), r).isEqualTo(201);
        return r.json();
    }

    /** The open task of a case's item in an officer's inbox on a node, once it is there (10 s at most). */
    private JsonNode awaitTask(Node node, String officer, String caseId, String item) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Client.Reply inbox = client.get(node, officer, "/api/tasks?view=open&size=200&sort=created&order=desc&item=" + item);
            assertThat(inbox.status()).as("inbox: %s", inbox).isEqualTo(200);
            found[0] = null;
            inbox.json().path("items").forEach(t -> {
                if (caseId.equals(t.path("caseId").asText())) {
                    found[0] = t;
                }
            });
            assertThat(found[0]).as("%s sees on node %s the task %s of case %s", officer, node.name(), item, caseId)
                    .isNotNull();
        });
        return found[0];
    }

    private static Map<String, JsonNode> items(JsonNode detail) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        detail.path("items").forEach(i -> items.put(i.path("code").asText(), i));
        return items;
    }

    private void ensureRunning(Node node) throws Exception {
        if (!node.alive()) {
            node.start(arguments(node));
            node.awaitReady(Duration.ofMinutes(3));
            log("node " + node.name() + " started again");
        }
    }

    /** Waits for the node's readiness to report this status, and returns the report. */
    private static JsonNode awaitReadiness(Node node, String status, Duration limit) {
        JsonNode[] health = new JsonNode[1];
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Node.Readiness r = node.readiness();
            assertThat(r.status()).as("node %s readiness: %s", node.name(), r.body()).isIn(200, 503);
            health[0] = JSON.readTree(r.body());
            assertThat(health[0].path("status").asText()).as("node %s readiness: %s", node.name(), r.body())
                    .isEqualTo(status);
            assertThat(r.status()).as("%s answers 200 (ready)", status).isEqualTo(200);
        });
        return health[0];
    }

    // ---------------------------------------------------------------- database and index

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), "postgres", "");
    }

    private List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] values) {
                    Array array = c.createArrayOf("varchar", values);
                    s.setArray(i + 1, array);
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        return rows(sql, params).stream().map(r -> String.valueOf(r.values().iterator().next())).collect(Collectors.toList());
    }

    private long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    private long count(String sql, List<String> values) throws SQLException {
        return count(sql, (Object) values.toArray(String[]::new));
    }

    /** Deletes the indexes behind the test's alias, on Elasticsearch itself (not through the proxy). */
    private void deleteIndexes() throws Exception {
        if (elasticsearch == null) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String names = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_cat/indices/" + ALIAS + "-*?h=index"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String index : names.strip().split("\\s+")) {
            if (index.startsWith(ALIAS + "-")) {
                http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index)).DELETE()
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    // ---------------------------------------------------------------- output

    private void log(String message) {
        System.out.printf("[ClusterIT %6.1fs] %s%n", (System.nanoTime() - began) / 1e9, message);
    }

    private void printTails() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                System.out.println(node.logTail(60));
            }
        }
        if (postgres != null) {
            System.out.println("---- scratch PostgreSQL log ----\n" + postgres.logTail(20));
        }
    }
}
