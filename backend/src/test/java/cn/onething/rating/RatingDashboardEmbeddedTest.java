package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.rating.RatingDashboard.Dashboard;
import cn.onething.rating.RatingDashboard.Group;
import cn.onething.rating.RatingDashboard.Query;
import cn.onething.rating.RatingDashboard.RectificationRow;
import cn.onething.rating.RatingRepository.RatingRow;
import cn.onething.rating.RatingStatistics.Source;
import cn.onething.rating.RatingViews.Channel;
import cn.onething.rating.RatingViews.RectificationStatus;

/**
 * The statistics' SQL on the embedded H2 default (the migration, the bucket upsert under concurrency,
 * the dashboard, the list and the rectification figures), ratings written through the repository.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rating-dashboard;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", "onething.search.url=http://127.0.0.1:1"})
class RatingDashboardEmbeddedTest {

    @Autowired
    RatingRepository ratings;

    @Autowired
    RatingDays days;

    @Autowired
    RatingDashboard dashboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void figuresFollowEveryInsertAndChangeAndAgreeWithTheRatings() {
        String caseId = newCase();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String good = UUID.randomUUID().toString();
        String changed = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> {
            ratings.insert(row(good, caseId, "birthCertificate", Channel.ITEM, "hospital", "王医生", 5, now));
            ratings.insert(row(changed, caseId, "birthCertificate", Channel.SUPERVISOR, "hospital", "王医生", 4, now));
            ratings.insert(row(bad, caseId, "vaccination", Channel.ITEM, "cdc", "李医生", 1, now));
            ratings.insert(row(UUID.randomUUID().toString(), caseId, null, Channel.CASE, "health", null, 3, now));
        });
        tx.executeWithoutResult(s -> ratings.change(changed, 2, BadReason.ATTITUDE, null, now));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ratings.insert(row(UUID.randomUUID().toString(), newCase(), "birthCertificate", Channel.ITEM, "hospital",
                    "王医生", 5, now));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        Query byDepartment = new Query(today, today, "department", null, null, null, null, null);
        Dashboard d = dashboard.dashboard(byDepartment);
        assertThat(d.total().count()).isEqualTo(4);
        assertThat(d.total().good()).isEqualTo(1);
        assertThat(d.total().bad()).isEqualTo(2);
        assertThat(d.total().goodRate()).isEqualTo(0.25);
        assertThat(d.total().average()).isEqualTo(2.75);
        Group hospital = group(d, "hospital");
        assertThat(hospital).isEqualTo(new Group("hospital", "助产机构", 2, 1, 1, 0.5, 3.5));
        assertThat(d.trend()).singleElement().satisfies(day -> {
            assertThat(day.count()).isEqualTo(4);
            assertThat(day.goodRate()).isEqualTo(0.25);
        });

        for (String by : List.of("department", "bundle", "item", "officer", "channel")) {
            Query q = new Query(today, today, by, null, null, null, null, null);
            assertThat(dashboard.dashboard(q, Source.DAYS)).as(by).isEqualTo(dashboard.dashboard(q, Source.RAW));
        }
        Dashboard officers = dashboard.dashboard(new Query(today, today, "officer", null, null, null, null, null));
        assertThat(officers.groups()).extracting(Group::key, Group::name).contains(
                org.assertj.core.groups.Tuple.tuple(null, RatingDashboard.NO_OFFICER_NAME),
                org.assertj.core.groups.Tuple.tuple("王医生", "王医生"));
        Dashboard items = dashboard.dashboard(new Query(today, today, "item", null, null, null, null, "item"));
        assertThat(items.groups()).extracting(Group::name).containsExactlyInAnyOrder("出生医学证明", "预防接种证");
        assertThat(dashboard.dashboard(new Query(today, today, "channel", "hospital", null, null, "王医生", null))
                .groups()).extracting(Group::name, Group::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("一事一评", 1L),
                        org.assertj.core.groups.Tuple.tuple("监督查评", 1L));

        var list = dashboard.ratings(new Query(today, today, null, "hospital", null, null, "王医生", null), null, 0, 20);
        assertThat(list.total()).isEqualTo(2);
        assertThat(list.items()).extracting(RatingDashboard.RatingLine::id).containsExactlyInAnyOrder(good, changed);
        assertThat(dashboard.ratings(new Query(today, today, null, "hospital", null, null, null, null), true, 0, 20)
                .items()).extracting(RatingDashboard.RatingLine::id, RatingDashboard.RatingLine::levelName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(changed, "不满意"));

        tx.executeWithoutResult(s -> {
            ratings.status(changed, RectificationStatus.VERIFYING);
            ratings.status(bad, RectificationStatus.RECTIFYING);
            ratings.closed(bad, RectificationStatus.CLOSED, "已整改", now.plusHours(30), today.plusDays(7));
            ratings.addEvent(bad, now.plusHours(25), "OVERDUE", "系统", "超期");
        });
        var stats = dashboard.rectificationStats(today, today);
        assertThat(stats.departments()).extracting(RectificationRow::department).startsWith("hospital", "health",
                "health-chengguan", "health-xinzhuang", "cdc");
        assertThat(stats.departments().stream().filter(r -> r.department().equals("cdc")).findFirst().orElseThrow())
                .isEqualTo(new RectificationRow("cdc", "疾控中心 / 社区卫生服务中心", 0, 1, 0, 1, 0.0, 30.0));
        assertThat(stats.total()).isEqualTo(new RectificationRow(null, "合计", 1, 1, 0, 1, 0.0, 30.0));
    }

    @Test
    void concurrentRatingsOfOneBucketAreAllCounted() throws Exception {
        RatingDayRace.run(days, transactions, jdbc, "h2-" + UUID.randomUUID());
    }

    private String newCase() {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into case_file (id, number, bundle_code, applicant_id, applicant_name, status, form_data,
                                       submitted_at)
                values (?, ?, 'birth', 'parent-1', '张三', 'COMPLETED', '{}', ?)""")
                .params(id, "T" + id.substring(0, 8), OffsetDateTime.now(clock)).update();
        return id;
    }

    private static RatingRow row(String id, String caseId, String itemCode, Channel channel, String department,
            String officer, int level, OffsetDateTime at) {
        return new RatingRow(id, caseId, itemCode == null ? RatingService.CASE_SUBJECT : itemCode, itemCode, channel,
                "birth", department, officer, "rater-" + channel, level, RatingLevel.bad(level),
                RatingLevel.bad(level) ? BadReason.ATTITUDE : null, null, at, at, null, null, null);
    }

    private static Group group(Dashboard d, String key) {
        return d.groups().stream().filter(g -> key.equals(g.key())).findFirst().orElseThrow();
    }
}
