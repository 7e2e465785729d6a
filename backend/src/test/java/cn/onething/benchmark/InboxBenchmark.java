package cn.onething.benchmark;

import static cn.onething.testsupport.Benchmarks.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.MaterialService;
import cn.onething.security.CurrentUser;
import cn.onething.security.Role;
import cn.onething.task.InboxFilter;
import cn.onething.task.InboxService;
import cn.onething.task.InboxView;
import cn.onething.testsupport.Benchmarks;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.TestServers;
import cn.onething.timelimit.Light;
import cn.onething.web.PageQuery;

/**
 * Not a test: the department inbox at scale. Files real 出生一件事 cases through the platform's services until
 * N tasks are open (each case opens 3 at once: hospital, cdc, medicare), submitted over the past week so that
 * their lights differ, with a fifth of the tasks claimed by the departments' officers; then times every tab of
 * the inbox of one cdc officer and lead against the bare TaskService query by candidate group, interleaved.
 * Run with {@code bin/benchmark InboxBenchmark [open tasks]}. Target: inbox p95 < 50 ms with 100,000 open tasks.
 * Filling takes long (100,000 tasks: half an hour): {@code BENCH_REUSE=1} times the inbox of the database the last
 * run filled, when it holds as many open tasks.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"spring.datasource.url=" + InboxBenchmark.DB, "spring.datasource.username=postgres",
        "spring.datasource.password=", "camunda.bpm.job-execution.enabled=false", "logging.level.cn.onething=warn",
        "onething.search.alias=onething-bench",
        // otherwise the relay indexes the filled cases while the inbox is timed, if an Elasticsearch answers
        "onething.search.relay-delay=PT24H"})
class InboxBenchmark {

    static final String DB = "jdbc:postgresql://127.0.0.1:5432/onething_bench_inbox";
    static final int TASKS = Integer.getInteger("bench.cases", 3000);
    static final int CASES = (TASKS + 2) / 3;
    static final int FILL_THREADS = 2;
    static final double CLAIMED = 0.2;
    static final int OFFICERS_PER_DEPARTMENT = 5;
    static final Duration INTAKE = Duration.ofDays(7);
    static final int WARMUP = 50;
    static final int CALLS = 200;
    static final CurrentUser PARENT = new CurrentUser("bench-parent", "citizen1", "张三", Set.of(Role.CITIZEN), Set.of(),
            Map.of());
    static final CurrentUser OFFICER = new CurrentUser("bench-officer-cdc", "officer-cdc", "孙医生", Set.of(Role.OFFICER),
            Set.of("cdc"), Map.of());
    static final CurrentUser LEAD = new CurrentUser("bench-lead-cdc", "lead-cdc", "周科长",
            Set.of(Role.OFFICER, Role.LEAD), Set.of("cdc"), Map.of());
    // 出生一件事's police item opens only after the others: a department with hardly an open task of its own
    static final CurrentUser FEW = new CurrentUser("bench-officer-police", "officer-police", "王警官",
            Set.of(Role.OFFICER), Set.of("police"), Map.of());
    static final InboxFilter NO_FILTER = filter(null, null);
    // The inbox's default page: the most urgent first, 20 rows.
    static final PageQuery PAGE = new PageQuery(0, 20, "urgency", true);
    static boolean reused;

    @BeforeAll
    static void servers() throws SQLException, IOException, InterruptedException {
        reused = Boolean.getBoolean("bench.reuse") && TestServers.openTasks(DB) >= TASKS;
        if (!reused) {
            TestServers.freshDatabase(DB);
        }
        // The inbox names the assignees from the officer directory, Keycloak, as in production.
        TestServers.startKeycloak();
    }

    @AfterAll
    static void realTime() {
        ClockUtil.reset();
    }

    @Autowired
    CaseFileService cases;

    @Autowired
    MaterialService materials;

    @Autowired
    InboxService inbox;

    @Autowired
    TaskService tasks;

    @Autowired
    BundleCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void inboxAtScale() throws Exception {
        long intakeEnd = System.currentTimeMillis();
        long fillStart = System.nanoTime();
        double casesPerSecond = reused ? Double.NaN : Benchmarks.run(CASES, FILL_THREADS, i -> fileCase(i, intakeEnd));
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        ClockUtil.reset();
        // Production keeps statistics current (autovacuum, off on this machine's PostgreSQL); without them the
        // planner guesses one row a table and the candidate-group joins become nested loops over all tasks.
        jdbc.execute("analyze");
        long open = tasks.createTaskQuery().count();
        System.out.printf("%nBENCHMARK inbox on PostgreSQL, %,d open tasks (%,d 出生一件事 cases):%n", open, CASES);
        if (reused) {
            System.out.printf("BENCHMARK   the database the last run filled (BENCH_REUSE)%n");
        } else {
            System.out.printf("BENCHMARK   fill through CaseFileService.submit (5 uploads a case), %d threads: %.1f "
                    + "cases/s, %.1f tasks/s, %.0f s; %,d tasks claimed by %d officers a department%n", FILL_THREADS,
                    casesPerSecond, open / fillSeconds, fillSeconds, tasks.createTaskQuery().taskAssigned().count(),
                    OFFICERS_PER_DEPARTMENT);
        }

        TaskQuery baseline = tasks.createTaskQuery().taskCandidateGroupIn(List.of("cdc")).includeAssignedTasks()
                .orderByDueDate().asc();
        long department = inbox.inbox(LEAD, InboxView.department, NO_FILTER, PAGE).total();
        assertThat(department).as("the lead's department tab is the cdc's candidate-group query, counted to the cap")
                .isEqualTo(Math.min(baseline.count(), InboxService.COUNT_CAP + 1));
        Date now = new Date();
        System.out.printf("BENCHMARK   cdc holds %,d (RED %,d, YELLOW %,d, GREEN %,d); %s has claimed %,d, unclaimed %,d;"
                + " the inbox counts to %,d%n", baseline.count(), cdc().dueBefore(now).count(),
                cdc().dueAfter(now).followUpBefore(now).count(), cdc().followUpAfter(now).count(), OFFICER.username(),
                tasks.createTaskQuery().taskAssignee(OFFICER.username()).count(),
                tasks.createTaskQuery().taskCandidateGroup("cdc").count(), InboxService.COUNT_CAP);

        Map<String, Supplier<?>> queries = new LinkedHashMap<>();
        queries.put("baseline: TaskService by candidate group, page + count", () -> {
            baseline.listPage(0, 20);
            return baseline.count();
        });
        queries.put("baseline, page alone (camunda.md: ~4 ms at 10,000)", () -> baseline.listPage(0, 20));
        queries.put("open (the default tab), officer", () -> inbox.inbox(OFFICER, InboxView.open, NO_FILTER, PAGE));
        queries.put("open, officer of a department with few open tasks (police)",
                () -> inbox.inbox(FEW, InboxView.open, NO_FILTER, PAGE));
        queries.put("unclaimed, officer", () -> inbox.inbox(OFFICER, InboxView.unclaimed, NO_FILTER, PAGE));
        queries.put("mine, officer", () -> inbox.inbox(OFFICER, InboxView.mine, NO_FILTER, PAGE));
        queries.put("department, lead", () -> inbox.inbox(LEAD, InboxView.department, NO_FILTER, PAGE));
        queries.put("counts of every tab, lead", () -> inbox.counts(LEAD, NO_FILTER));
        // Not GREEN: a one-day item (vaccination) warns from its first day, so none is ever green.
        queries.put("open, light=YELLOW & item=vaccination, officer",
                () -> inbox.inbox(OFFICER, InboxView.open, filter("vaccination", Light.YELLOW), PAGE));
        // One call of each per round, so that whatever else the machine does weighs on all alike.
        List<long[]> times = new ArrayList<>();
        queries.forEach((name, query) -> times.add(new long[CALLS]));
        for (int round = 0; round < WARMUP + CALLS; round++) {
            int q = 0;
            for (Supplier<?> query : queries.values()) {
                long start = System.nanoTime();
                query.get();
                long took = System.nanoTime() - start;
                if (round >= WARMUP) {
                    times.get(q)[round - WARMUP] = took;
                }
                q++;
            }
        }
        times.forEach(Arrays::sort);
        double baselineP95 = ms(times.get(0), 0.95);
        System.out.printf("BENCHMARK   %d calls of each after %d warm-up, one thread, pages of 20 (target p95 < 50 ms):%n",
                CALLS, WARMUP);
        int q = 0;
        for (String name : queries.keySet()) {
            long[] sorted = times.get(q++);
            System.out.printf("BENCHMARK   %-55s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  p95 ratio %5.2f%n", name,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 0.95) / baselineP95);
        }
    }

    /** Files case i, submitted at its time in the week before the end, and claims about a fifth of its tasks. */
    private void fileCase(int i, long intakeEnd) {
        // Both threads move the engine's (and so the platform's) clock: the cases come in oldest first.
        ClockUtil.setCurrentTime(new Date(intakeEnd - INTAKE.toMillis() + INTAKE.toMillis() * i / CASES));
        String caseId = cases.submit(PARENT, BirthApplication.viaServices(materials, PARENT)).id();
        Bundle birth = catalog.bundle("birth").orElseThrow();
        Random random = new Random(i);
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
            if (random.nextDouble() < CLAIMED) {
                // The platform's claim is this plus a line on the case's timeline, which the inbox does not read.
                tasks.claim(t.getId(), officer(birth.item(t.getTaskDefinitionKey()).orElseThrow().department(),
                        random.nextInt(OFFICERS_PER_DEPARTMENT)));
            }
        }
    }

    private TaskQuery cdc() {
        return tasks.createTaskQuery().taskCandidateGroup("cdc").includeAssignedTasks();
    }

    /** officer-cdc, officer2-cdc, … as the realm names a department's officers. */
    private static String officer(String department, int n) {
        return (n == 0 ? "officer" : "officer" + (n + 1)) + "-" + department;
    }

    private static InboxFilter filter(String item, Light light) {
        return new InboxFilter(null, item, null, light, null, null, null, null, null);
    }
}
