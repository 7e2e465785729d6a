package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.ClockConfig;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/**
 * 好差评 dashboards through the API, on ratings made through the API. Other classes rate in the same
 * database: figures are compared before and after.
 */
@PlatformTest
class RatingDashboardApiTest {

    @Autowired
    Api api;

    @Autowired
    RatingDays days;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** count, good, bad and the sum of levels (average × count) of a group or a total. */
    record Counts(long count, long good, long bad, double levels) {

        static Counts of(JsonNode figures) {
            if (figures == null) {
                return new Counts(0, 0, 0, 0);
            }
            long count = figures.get("count").asLong();
            return new Counts(count, figures.get("good").asLong(), figures.get("bad").asLong(),
                    count == 0 ? 0 : figures.get("average").asDouble() * count);
        }

        Counts minus(Counts before) {
            return new Counts(count - before.count, good - before.good, bad - before.bad, levels - before.levels);
        }
    }

    @Test
    void ratingsCountForTheirDepartmentOfficerItemAndChannelAndAChangeMovesThem() {
        String department = "/api/ratings/dashboard?by=department";
        String officers = "/api/ratings/dashboard?by=officer&department=hospital";
        String channels = "/api/ratings/dashboard?by=channel&department=hospital&officer=王医生";
        String items = "/api/ratings/dashboard?by=item&bundle=birth";
        Counts hospitalBefore = Counts.of(group(dashboard(department), "hospital"));
        Counts totalBefore = Counts.of(dashboard(department).get("total"));
        Counts officerBefore = Counts.of(group(dashboard(officers), "王医生"));
        Counts itemBefore = Counts.of(group(dashboard(channels), "ITEM"));
        Counts certificateBefore = Counts.of(group(dashboard(items), "birthCertificate"));
        long todayBefore = today(dashboard(department)).get("count").asLong();

        String first = decided();
        String second = decided();
        String good = rate("citizen1", first, "birthCertificate", 5, null).get("id").asText();
        String bad = rate("citizen1", second, "birthCertificate", 2, "TIME_LIMIT").get("id").asText();

        JsonNode byDepartment = dashboard(department);
        assertThat(byDepartment.get("by").asText()).isEqualTo("department");
        assertThat(byDepartment.get("to").asText()).isEqualTo(LocalDate.now(ClockConfig.BEIJING).toString());
        assertThat(byDepartment.get("trend")).as("every day of the default 30").hasSize(30);
        JsonNode hospital = group(byDepartment, "hospital");
        assertThat(hospital.get("name").asText()).isEqualTo("助产机构");
        assertDelta(Counts.of(hospital).minus(hospitalBefore), 2, 1, 1, 7);
        assertDelta(Counts.of(byDepartment.get("total")).minus(totalBefore), 2, 1, 1, 7);
        assertThat(hospital.get("goodRate").asDouble())
                .isCloseTo((double) hospital.get("good").asLong() / hospital.get("count").asLong(), within(0.0001));
        assertThat(today(byDepartment).get("count").asLong() - todayBefore).isEqualTo(2);
        JsonNode officer = group(dashboard(officers), "王医生");
        assertThat(officer.get("name").asText()).isEqualTo("王医生");
        assertDelta(Counts.of(officer).minus(officerBefore), 2, 1, 1, 7);
        JsonNode item = group(dashboard(channels), "ITEM");
        assertThat(item.get("name").asText()).isEqualTo("一事一评");
        assertDelta(Counts.of(item).minus(itemBefore), 2, 1, 1, 7);
        JsonNode certificate = group(dashboard(items), "birthCertificate");
        assertThat(certificate.get("name").asText()).isEqualTo("出生医学证明");
        assertDelta(Counts.of(certificate).minus(certificateBefore), 2, 1, 1, 7);

        // 5 → 3: still two ratings, one good fewer, two levels less
        assertThat(api.post("citizen1", "/api/cases/" + first + "/ratings",
                Map.of("itemCode", "birthCertificate", "level", 3)).status()).isEqualTo(200);
        assertDelta(Counts.of(group(dashboard(department), "hospital")).minus(hospitalBefore), 2, 0, 1, 5);
        assertDelta(Counts.of(group(dashboard(officers), "王医生")).minus(officerBefore), 2, 0, 1, 5);
        // 2 → 4: no bad one left
        assertThat(api.post("citizen1", "/api/cases/" + second + "/ratings",
                Map.of("itemCode", "birthCertificate", "level", 4)).status()).isEqualTo(200);
        assertDelta(Counts.of(group(dashboard(officers), "王医生")).minus(officerBefore), 2, 1, 0, 7);
        assertDelta(Counts.of(dashboard(department).get("total")).minus(totalBefore), 2, 1, 0, 7);

        // drill-down: department → officer → ratings, newest first
        JsonNode list = api.get("manager1", "/api/ratings?department=hospital&officer=王医生&size=200").body();
        List<String> ids = CaseItems.texts(list.get("items").findValues("id"));
        assertThat(ids).contains(good, bad);
        assertThat(ids.indexOf(bad)).as("newest first").isLessThan(ids.indexOf(good));
        assertThat(list.get("total").asLong()).isEqualTo(Counts.of(group(dashboard(officers), "王医生")).count());
        JsonNode line = CaseItems.find(list.get("items"), good, "id");
        assertThat(line.get("caseNumber").asText()).isNotBlank();
        assertThat(line.get("level").asInt()).isEqualTo(3);
        assertThat(line.get("levelName").asText()).isEqualTo("基本满意");
        assertThat(line.get("itemName").asText()).isEqualTo("出生医学证明");
        assertThat(line.get("channelName").asText()).isEqualTo("一事一评");
        assertThat(line.get("departmentName").asText()).isEqualTo("助产机构");
        assertThat(CaseItems.find(list.get("items"), bad, "id").get("rectificationStatus").asText())
                .as("the rectification started when it was bad goes on").isEqualTo("VERIFYING");
        List<String> badOnes = CaseItems.texts(api.get("manager1",
                "/api/ratings?department=hospital&officer=王医生&bad=true&size=200").body().get("items").findValues("id"));
        assertThat(badOnes).doesNotContain(good, bad);
        assertThat(CaseItems.texts(api.get("manager1", "/api/ratings?department=cdc&size=200").body().get("items")
                .findValues("id"))).doesNotContain(good, bad);
    }

    @Test
    void rectificationStatsCountAnOpenBadRatingAndItsOverdueStep() {
        String today = LocalDate.now(ClockConfig.BEIJING).toString();
        String stats = "/api/ratings/rectification-stats?from=" + today + "&to=" + today;
        JsonNode before = api.get("manager1", stats).body();
        Instant later = Instant.now().plusSeconds(15 * 86400);
        JsonNode laterBefore = at(later, () -> api.get("manager1", stats).body());

        String caseId = decided();
        rate("citizen1", caseId, "birthCertificate", 1, "ATTITUDE");

        JsonNode after = api.get("manager1", stats).body();
        assertThat(CaseItems.texts(after.get("departments").findValues("department"))).as("every department")
                .containsExactly("hospital", "health", "health-chengguan", "health-xinzhuang", "cdc", "police", "hrss",
                        "medicare", "union", "ecology", "hsupervision");
        JsonNode hospital = row(after, "hospital");
        assertThat(hospital.get("departmentName").asText()).isEqualTo("助产机构");
        assertThat(hospital.get("open").asLong() - row(before, "hospital").get("open").asLong()).isEqualTo(1);
        assertThat(after.get("total").get("open").asLong() - before.get("total").get("open").asLong()).isEqualTo(1);
        assertThat(after.get("total").get("departmentName").asText()).isEqualTo("合计");
        for (String field : List.of("open", "closed", "excluded", "overdue")) {
            long sum = 0;
            for (JsonNode d : after.get("departments")) {
                sum += d.get(field).asLong();
            }
            assertThat(after.get("total").get(field).asLong()).as(field).isEqualTo(sum);
        }
        // 15 days on, its 核实 (1 working day) is past due: overdue, though no timer has run yet
        JsonNode laterAfter = at(later, () -> api.get("manager1", stats).body());
        assertThat(row(laterAfter, "hospital").get("overdue").asLong()
                - row(laterBefore, "hospital").get("overdue").asLong()).isEqualTo(1);
        assertThat(row(after, "hospital").get("overdue").asLong()
                - row(before, "hospital").get("overdue").asLong()).as("not yet").isZero();
    }

    @Test
    void onlyManagersSeeTheStatistics() {
        for (String user : List.of("officer-hospital", "lead-hospital", "citizen1")) {
            for (String path : List.of("/api/ratings/dashboard", "/api/ratings", "/api/ratings/rectification-stats")) {
                Api.Response r = api.get(user, path);
                assertThat(r.status()).as("%s %s", user, path).isEqualTo(403);
                assertThat(r.headers().getContentType().toString()).contains("application/problem+json");
            }
        }
        assertThat(api.get("manager1", "/api/ratings/dashboard").status()).isEqualTo(200);
        assertThat(api.get("manager1", "/api/ratings").status()).isEqualTo(200);
        assertThat(api.get("manager1", "/api/ratings/rectification-stats").status()).isEqualTo(200);
    }

    @Test
    void badParametersAreNamed() {
        assertRule("/api/ratings/dashboard?from=2024-02-30", "from", "date");
        assertRule("/api/ratings/dashboard?to=yesterday", "to", "date");
        assertRule("/api/ratings/dashboard?from=2024-03-10&to=2024-03-01", "to", "range");
        assertRule("/api/ratings/dashboard?from=2023-01-01&to=2024-01-02", "from", "maxPeriod");
        assertRule("/api/ratings/dashboard?by=week", "by", "oneOf");
        assertRule("/api/ratings/dashboard?channel=PHONE", "channel", "oneOf");
        assertRule("/api/ratings?bad=maybe", "bad", "type");
        assertRule("/api/ratings?size=0", "size", "range");
        assertRule("/api/ratings?from=2024-03-10&to=2024-03-01", "to", "range");
        assertRule("/api/ratings/rectification-stats?from=2020-01-01&to=2024-01-01", "from", "maxPeriod");
        JsonNode leapYear = api.get("manager1", "/api/ratings/dashboard?from=2024-01-01&to=2024-12-31&by=CHANNEL").body();
        assertThat(leapYear.get("trend")).as("366 days are allowed").hasSize(366);
        assertThat(leapYear.get("by").asText()).isEqualTo("channel");
    }

    @Test
    void concurrentRatingsOfOneBucketAreAllCounted() throws Exception {
        RatingDayRace.run(days, transactions, jdbc, "pg-" + UUID.randomUUID());
    }

    private void assertRule(String path, String field, String rule) {
        Api.Response r = api.get("manager1", path);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(400);
        assertThat(CaseItems.rules(r.body())).as(path).containsExactly(Map.entry(field, rule));
    }

    private static void assertDelta(Counts delta, long count, long good, long bad, double levels) {
        assertThat(delta.count()).as("count").isEqualTo(count);
        assertThat(delta.good()).as("good").isEqualTo(good);
        assertThat(delta.bad()).as("bad").isEqualTo(bad);
        assertThat(delta.levels()).as("sum of levels (average × count)").isCloseTo(levels, within(0.02));
    }

    private JsonNode dashboard(String path) {
        Api.Response r = api.get("manager1", path);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode group(JsonNode dashboard, String key) {
        for (JsonNode g : dashboard.get("groups")) {
            if (key.equals(g.get("key").asText(null))) {
                return g;
            }
        }
        return null;
    }

    private static JsonNode today(JsonNode dashboard) {
        JsonNode trend = dashboard.get("trend");
        JsonNode last = trend.get(trend.size() - 1);
        assertThat(last.get("day").asText()).isEqualTo(dashboard.get("to").asText());
        return last;
    }

    private static JsonNode row(JsonNode stats, String department) {
        return CaseItems.find(stats.get("departments"), department, "department");
    }

    private static <T> T at(Instant when, java.util.function.Supplier<T> action) {
        ClockUtil.setCurrentTime(Date.from(when));
        try {
            return action.get();
        } finally {
            ClockUtil.reset();
        }
    }

    /** A birth case whose 出生医学证明 officer-hospital (王医生) has approved. */
    private String decided() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        for (JsonNode t : api.get("officer-hospital", "/api/tasks?size=200").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && "birthCertificate".equals(t.get("itemCode").asText())) {
                assertThat(api.post("officer-hospital", "/api/tasks/" + t.get("id").asText() + "/complete",
                        Map.of("decision", "approve")).status()).isEqualTo(200);
                return caseId;
            }
        }
        throw new AssertionError("no birthCertificate task of " + caseId);
    }

    private JsonNode rate(String user, String caseId, String itemCode, int level, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", itemCode);
        body.put("level", level);
        body.put("reason", reason);
        Api.Response r = api.post(user, "/api/cases/" + caseId + "/ratings", body);
        assertThat(r.status()).as("rate: %s", r.body()).isEqualTo(201);
        return r.body();
    }
}
