package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.onething.rating.RatingDashboard.Query;
import cn.onething.rating.RatingStatistics.Source;
import cn.onething.testsupport.TestServers;

/**
 * Not a test: generates a year of ratings (1,000,000 by default) with their rectifications and rating_day
 * buckets straight in a fresh PostgreSQL database, then times each dashboard question answered from
 * rating_day next to the same question answered from the rating table (the baseline), interleaved in
 * the same run. Run with {@code bin/benchmark RatingDashboardBenchmark}; -Dbench.ratings, -Dbench.runs,
 * -Dbench.officers (per department) change the size. Target: p95 < 300 ms.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"spring.datasource.url=" + RatingDashboardBenchmark.DB,
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.cn.onething=warn",
        // a million generated ratings are not to be indexed meanwhile: the search relay has nowhere to write
        "onething.search.url=http://127.0.0.1:1"})
class RatingDashboardBenchmark {

    static final String DB = "jdbc:postgresql://127.0.0.1:5432/onething_bench_ratings";
    static final int RATINGS = Integer.getInteger("bench.ratings", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final int OFFICERS = Integer.getInteger("bench.officers", 10);
    static final int WARMUP = 20;

    @BeforeAll
    static void database() throws SQLException {
        TestServers.freshDatabase(DB);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RatingDashboard dashboard;

    @Autowired
    Clock clock;

    @Test
    void dashboardFromRatingDayAgainstTheRatingTable() {
        long start = System.nanoTime();
        generate();
        System.out.printf("%nBENCHMARK 好差评统计 on PostgreSQL: %,d ratings over 365 days, %d departments, %d officers,"
                + " %,d rating_day rows, %,d rating events (generated in %.0f s)%n", count("rating"),
                jdbc.queryForObject("select count(distinct department) from rating", Long.class),
                jdbc.queryForObject("select count(distinct officer) from rating", Long.class), count("rating_day"),
                count("rating_event"), (System.nanoTime() - start) / 1e9);

        LocalDate today = LocalDate.now(clock);
        LocalDate yearAgo = today.minusDays(364);
        String officer = jdbc.queryForObject(
                "select officer from rating where department = 'hospital' and officer is not null limit 1", String.class);
        List<Scenario> scenarios = List.of(
                dashboard("by department, last 30 days (default)", new Query(null, null, "department", null, null,
                        null, null, null)),
                dashboard("by officer in one department, 30 days", new Query(null, null, "officer", "hospital", null,
                        null, null, null)),
                dashboard("by channel, 30 days", new Query(null, null, "channel", null, null, null, null, null)),
                dashboard("by item, 30 days", new Query(null, null, "item", null, null, null, null, null)),
                dashboard("by department + trend, 365 days", new Query(yearAgo, today, "department", null, null,
                        null, null, null)),
                dashboard("by officer in one department, 365 days", new Query(yearAgo, today, "officer", "hospital",
                        null, null, null, null)),
                dashboard("one officer by channel, 365 days", new Query(yearAgo, today, "channel", "hospital", null,
                        null, officer, null)),
                new Scenario("ratings list, one officer, 30 days, page 1", () -> dashboard.ratings(
                        new Query(null, null, null, "hospital", null, null, officer, null), null, 0, 20), null),
                new Scenario("ratings list, all, 30 days, page 1", () -> dashboard.ratings(
                        new Query(null, null, null, null, null, null, null, null), null, 0, 20), null),
                new Scenario("rectification-stats, 30 days", () -> dashboard.rectificationStats(null, null), null),
                new Scenario("rectification-stats, 365 days", () -> dashboard.rectificationStats(yearAgo, today),
                        null));

        for (Scenario s : scenarios) {
            if (s.baseline() != null) {
                assertThat(s.measured().get()).as("%s: rating_day agrees with rating", s.name())
                        .isEqualTo(s.baseline().get());
            }
        }
        System.out.printf("BENCHMARK %d runs each after %d warm-up runs, interleaved; milliseconds:%n", RUNS, WARMUP);
        System.out.printf("BENCHMARK   %-42s %17s %19s %8s%n", "question", "rating_day p50/p95",
                "rating table p50/p95", "p95 ×");
        for (Scenario s : scenarios) {
            for (int i = 0; i < WARMUP; i++) {
                s.measured().get();
                if (s.baseline() != null) {
                    s.baseline().get();
                }
            }
            long[] measured = new long[RUNS];
            long[] baseline = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                measured[i] = time(s.measured());
                if (s.baseline() != null) {
                    baseline[i] = time(s.baseline());
                }
            }
            if (s.baseline() == null) {
                System.out.printf("BENCHMARK   %-42s %8.1f /%7.1f %19s %8s%n", s.name(), ms(measured, 50),
                        ms(measured, 95), "(no pre-aggregate)", "");
            } else {
                System.out.printf("BENCHMARK   %-42s %8.1f /%7.1f %9.1f /%8.1f %7.0f×%n", s.name(), ms(measured, 50),
                        ms(measured, 95), ms(baseline, 50), ms(baseline, 95), ms(baseline, 95) / ms(measured, 95));
            }
        }
    }

    record Scenario(String name, Supplier<Object> measured, Supplier<Object> baseline) {
    }

    private Scenario dashboard(String name, Query query) {
        return new Scenario(name, () -> dashboard.dashboard(query, Source.DAYS),
                () -> dashboard.dashboard(query, Source.RAW));
    }

    /**
     * A year of ratings of 出生一件事 as the platform would have written them, in the order they came (a
     * period's ratings lie together in the table, as they do in production): eight per case (seven items,
     * one for the whole case), one officer per item out of OFFICERS per department, 5 % by supervisors; 8 %
     * bad, each with a rectification (closed, excluded or still open; the slow ones were 督办 overdue) and
     * its events; then rating_day summed from the ratings with the migration's own statement.
     */
    private void generate() {
        long cases = (RATINGS + 7) / 8;
        jdbc.update("""
                insert into case_file (id, number, bundle_code, applicant_id, applicant_name, status, form_data,
                                       submitted_at, completed_at)
                select 'bench-case-' || c, 'B' || lpad(c::text, 12, '0'), 'birth', 'bench-applicant-' || c, '张三',
                       'COMPLETED', '{}', now() - interval '370 days', now() - interval '369 days'
                from generate_series(0::bigint, ? - 1) c""", cases);
        jdbc.update("""
                insert into rating (id, case_id, subject, item_code, channel, bundle_code, department, officer,
                                    rater_id, level, bad, reason, comment, rated_at, updated_at, rated_on,
                                    rectification_status, outcome, appealable_until, closed_at)
                select 'bench-' || n, 'bench-case-' || c, coalesce(item, 'case'), item, channel, 'birth', department,
                       case when item is null then null
                            else (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + k % 10]
                                 || case when k >= 10 then (k / 10)::text else '' end || '（' || department || '）' end,
                       case when channel = 'SUPERVISOR' then 'bench-lead-' || department
                            else 'bench-applicant-' || c end,
                       level, level <= 2,
                       case when level <= 2
                            then (array['ATTITUDE','TIME_LIMIT','MATERIALS','PROCESS','RESULT','OTHER'])[1 + (n % 6)::int] end,
                       null, at, at, (at at time zone 'Asia/Shanghai')::date, status,
                       case when status in ('CLOSED', 'EXCLUDED') then '已整改' end, null,
                       case when status in ('CLOSED', 'EXCLUDED') then at + (12 + u * 228) * interval '1 hour' end
                from (
                    select n, c, item, department, channel, level, at, k, u,
                           case when level > 2 then null
                                when at > now() - interval '15 days'
                                    then (array['VERIFYING','RECTIFYING','CALLBACK'])[1 + (n % 3)::int]
                                when u < 0.08 then 'EXCLUDED'
                                when u < 0.12 then 'APPEAL_REVIEW'
                                else 'CLOSED' end as status
                    from (
                        select n, n / 8 as c,
                               (array['birthCertificate','vaccination','householdRegistration','socialSecurityCard',
                                      'medicalInsurance','childrenFund','maternityBenefit', null])[1 + (n % 8)::int] as item,
                               (array['hospital','cdc','police','hrss','medicare','union','medicare','health'])[1 + (n % 8)::int]
                                   as department,
                               case when n % 8 = 7 then 'CASE' when random() < 0.05 then 'SUPERVISOR' else 'ITEM' end
                                   as channel,
                               width_bucket(random(), 0, 1, 1000) as h,
                               now() - random() * interval '365 days' as at,
                               floor(random() * ?)::int as k,
                               random() as u
                        from generate_series(0::bigint, ? - 1) n
                    ) g
                    cross join lateral (select case when h <= 40 then 1 when h <= 80 then 2 when h <= 150 then 3
                                                    when h <= 300 then 4 else 5 end as level) l
                ) r
                order by at""", OFFICERS, RATINGS);
        jdbc.update("""
                insert into rating_event (rating_id, at, type, actor, message)
                select id, rated_at, 'RATED', '申请人', '评价「' || level || '」' from rating""");
        jdbc.update("""
                insert into rating_event (rating_id, at, type, actor, message)
                select id, rated_at, 'RECTIFICATION_STARTED', '系统', '差评已转部门负责人核实' from rating
                where rectification_status is not null""");
        jdbc.update("""
                insert into rating_event (rating_id, at, type, actor, message)
                select id, rated_at + interval '2 days', 'OVERDUE', '系统', '差评整改超过期限，已提交督办' from rating
                where closed_at - rated_at > interval '7 days'
                   or closed_at is null and rectification_status is not null and rated_at < now() - interval '3 days'""");
        jdbc.update("""
                insert into rating_event (rating_id, at, type, actor, message)
                select id, closed_at, rectification_status, '系统', '销号' from rating where closed_at is not null""");
        // the statement of V5__rating_statistics.sql that fills rating_day from the ratings there are
        jdbc.update("""
                insert into rating_day (rated_on, department, bundle_code, subject, channel, officer, ratings, good, bad,
                                        level_sum)
                select rated_on, department, bundle_code, subject, channel, coalesce(officer, ''), count(*),
                       sum(case when level >= 4 then 1 else 0 end), sum(case when bad then 1 else 0 end), sum(level)
                from rating
                group by rated_on, department, bundle_code, subject, channel, coalesce(officer, '')""");
        jdbc.execute("vacuum analyze");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static long time(Supplier<Object> query) {
        long t = System.nanoTime();
        query.get();
        return System.nanoTime() - t;
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
