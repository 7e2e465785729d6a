package cn.onething.benchmark;

import static cn.onething.testsupport.Benchmarks.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.MaterialService;
import cn.onething.security.CurrentUser;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.TestServers;

/**
 * Not a test: times 公共场所卫生许可 告知承诺 from submission to the issued electronic licence (the permit,
 * the licence, its supervision push and the post-check's opening happen in the submission's transaction),
 * interleaved with 出生一件事 submissions in the same run as the baseline. Run with
 * {@code bin/benchmark CommitmentPermitBenchmark [cases]}. Target: p95 under 1 s.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"spring.datasource.url=" + CommitmentPermitBenchmark.DB,
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.cn.onething=warn", "onething.search.alias=onething-bench"})
class CommitmentPermitBenchmark {

    static final String DB = "jdbc:postgresql://127.0.0.1:5432/onething_bench_permit";
    static final int CASES = Integer.getInteger("bench.cases", 500);
    static final int WARMUP = 50;
    static final CurrentUser ENTERPRISE = new CurrentUser("bench-enterprise", "enterprise1", "康宁口腔医院有限公司",
            Set.of("enterprise"), Set.of(), Map.of("credit_code", EnterpriseApplication.CREDIT_CODE));
    static final CurrentUser PARENT = new CurrentUser("bench-parent", "citizen1", "张三", Set.of("citizen"), Set.of(),
            Map.of());

    @BeforeAll
    static void database() throws SQLException {
        TestServers.freshDatabase(DB);
    }

    @Autowired
    CaseFileService cases;

    @Autowired
    MaterialService materials;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void commitmentPermitFromSubmissionToLicence() {
        CaseFileService.SubmitCase permit = new CaseFileService.SubmitCase("public-venue-hygiene",
                EnterpriseApplication.venueForm(), Map.of());
        List<CaseFileService.SubmitCase> births = new ArrayList<>();
        for (int i = 0; i < WARMUP + CASES; i++) {
            births.add(BirthApplication.viaServices(materials, PARENT));
        }
        long[] permits = new long[CASES];
        long[] birthTimes = new long[CASES];
        for (int i = 0; i < WARMUP + CASES; i++) {
            long start = System.nanoTime();
            String caseId = cases.submit(ENTERPRISE, permit).id();
            long permitTime = System.nanoTime() - start;
            assertThat(jdbc.queryForObject("select count(*) from licence where case_id = ? and status = 'VALID'",
                    Integer.class, caseId)).as("the licence is issued with the answer").isEqualTo(1);
            start = System.nanoTime();
            cases.submit(PARENT, births.get(i));
            long birthTime = System.nanoTime() - start;
            if (i >= WARMUP) {
                permits[i - WARMUP] = permitTime;
                birthTimes[i - WARMUP] = birthTime;
            }
        }
        Arrays.sort(permits);
        Arrays.sort(birthTimes);
        System.out.printf("%nBENCHMARK 告知承诺 on PostgreSQL, %d submissions each after %d warm-up, one thread:%n", CASES,
                WARMUP);
        System.out.printf("BENCHMARK   公共场所卫生许可 submission → licence issued: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms (target p95 < 1000 ms)%n", ms(permits, 0.50), ms(permits, 0.95), ms(permits, 0.99),
                permits[CASES - 1] / 1e6);
        System.out.printf("BENCHMARK   baseline 出生一件事 submission (7 items, 3 tasks): p50 %.1f ms, p95 %.1f ms%n",
                ms(birthTimes, 0.50), ms(birthTimes, 0.95));
        System.out.printf("BENCHMARK   ratio p95 permit / birth submission: %.2f%n", ms(permits, 0.95) / ms(birthTimes,
                0.95));
    }
}
