package cn.onething.benchmark;

import static cn.onething.testsupport.Benchmarks.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.zaxxer.hikari.HikariDataSource;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.Decision;
import cn.onething.casefile.MaterialService;
import cn.onething.security.CurrentUser;
import cn.onething.task.TaskActions;
import cn.onething.testsupport.Benchmarks;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.TestServers;

/**
 * Not a test: prints the platform's throughput for 出生一件事 next to the bare engine driving the same
 * BPMN, measured in the same run on the same PostgreSQL. Run with bin/benchmark.
 * Target: platform ≥ 0.8 × bare engine.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"spring.datasource.url=" + BirthBenchmark.PLATFORM_DB,
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "spring.datasource.hikari.maximum-pool-size=8", "camunda.bpm.job-execution.enabled=false",
        "logging.level.cn.onething=warn", "onething.search.alias=onething-bench"})
class BirthBenchmark {

    static final String PLATFORM_DB = "jdbc:postgresql://127.0.0.1:5432/onething_bench";
    static final String BARE_DB = "jdbc:postgresql://127.0.0.1:5432/onething_bench_bare";
    static final int CASES = Integer.getInteger("bench.cases", 1000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    static final CurrentUser PARENT = new CurrentUser("bench-parent", "parent", "张三", Set.of("citizen"), Set.of(),
            Map.of());

    static ProcessEngine bare;
    static HikariDataSource bareData;

    @Autowired
    CaseFileService cases;

    @Autowired
    MaterialService materials;

    @Autowired
    TaskActions actions;

    @Autowired
    TaskService platformTasks;

    @Autowired
    BundleCatalog catalog;

    @BeforeAll
    static void databases() throws SQLException {
        TestServers.freshDatabase(PLATFORM_DB);
        TestServers.freshDatabase(BARE_DB);
        bareData = new HikariDataSource();
        bareData.setJdbcUrl(BARE_DB);
        bareData.setUsername("postgres");
        bareData.setMaximumPoolSize(8);
        bare = Benchmarks.bareBirthEngine("bare", bareData);
    }

    @AfterAll
    static void close() {
        bare.close();
        bareData.close();
    }

    @Test
    void platformAgainstTheBareEngine() throws Exception {
        // Each application brings its own materials, uploaded before the clock starts.
        int applications = 2 * (WARMUP + CASES + CASES / 2);
        BlockingQueue<CaseFileService.SubmitCase> prepared =
                new ArrayBlockingQueue<>(applications);
        for (int i = 0; i < applications; i++) {
            prepared.add(BirthApplication.viaServices(materials, PARENT));
        }
        TaskService bareTasks = bare.getTaskService();
        Bundle birth = catalog.bundle("birth").orElseThrow();
        AtomicInteger key = new AtomicInteger();

        IntConsumer bareStart = i -> bare.getRuntimeService().startProcessInstanceByKey("birth", "b" + key.incrementAndGet());
        IntConsumer platformSubmit = i -> cases.submit(PARENT, prepared.remove());
        IntConsumer bareCycle = i -> {
            String pid = bare.getRuntimeService().startProcessInstanceByKey("birth", "c" + key.incrementAndGet()).getId();
            List<Task> open;
            while (!(open = bareTasks.createTaskQuery().processInstanceId(pid).list()).isEmpty()) {
                open.forEach(t -> bareTasks.complete(t.getId(),
                        Map.of(Decision.variableFor(t.getTaskDefinitionKey()), Decision.APPROVE.value())));
            }
        };
        IntConsumer platformCycle = i -> {
            String caseId = cases.submit(PARENT, prepared.remove()).id();
            List<Task> open;
            while (!(open = platformTasks.createTaskQuery().processInstanceBusinessKey(caseId).list()).isEmpty()) {
                for (Task t : open) {
                    String department = birth.item(t.getTaskDefinitionKey()).orElseThrow().department();
                    actions.complete(officer(department), t.getId(), Decision.APPROVE, null, List.of());
                }
            }
        };

        for (int threads : new int[] {1, 2}) {
            run(WARMUP / 2, threads, bareCycle);
            run(WARMUP / 2, threads, platformCycle);
            double[] starts = interleaved(CASES, threads, bareStart, platformSubmit);
            double[] cycles = interleaved(CASES / 2, threads, bareCycle, platformCycle);
            System.out.printf("%nBENCHMARK 出生一件事 on PostgreSQL, %d thread(s), %d cases (%d full cycles):%n", threads,
                    CASES, CASES / 2);
            System.out.printf("BENCHMARK   submissions/s  platform %7.1f   bare engine starts/s %7.1f   ratio %.2f%n",
                    starts[1], starts[0], starts[1] / starts[0]);
            System.out.printf("BENCHMARK   full cases/s   platform %7.1f   bare engine          %7.1f   ratio %.2f%n",
                    cycles[1], cycles[0], cycles[1] / cycles[0]);
        }
    }

    /**
     * Runs n of each operation in alternating slices, so that whatever else the shared machine does
     * weighs on both alike; returns {baseline/s, platform/s}.
     */
    private static double[] interleaved(int n, int threads, IntConsumer baseline, IntConsumer platform)
            throws Exception {
        int slices = 5;
        double baselineSeconds = 0;
        double platformSeconds = 0;
        for (int slice = 0; slice < slices; slice++) {
            baselineSeconds += n / slices / run(n / slices, threads, baseline);
            platformSeconds += n / slices / run(n / slices, threads, platform);
        }
        int done = n / slices * slices;
        return new double[] {done / baselineSeconds, done / platformSeconds};
    }

    private static CurrentUser officer(String department) {
        return new CurrentUser("bench-" + department, "officer-" + department, "办事员", Set.of("officer"),
                Set.of(department), Map.of());
    }
}
