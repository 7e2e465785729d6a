package cn.onething.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.PlatformTest;
import cn.onething.testsupport.TestServers;

/**
 * Search on the real Elasticsearch, fed through the outbox: Chinese words, numbers and ID numbers find what
 * they should and only for whom the database would show it; Elasticsearch away loses nothing; a rebuild while
 * cases are filed ends with exactly the database's cases.
 */
@PlatformTest
class SearchApiTest {

    @Autowired
    Api api;

    @Autowired
    SearchRelay relay;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenceExpiries expiries;

    @Autowired
    Clock clock;

    @BeforeEach
    void indexed() throws Exception {
        catchUp();
    }

    @Test
    void chineseWordsFindCasesTasksAndLicencesOnlyForWhoMaySeeThem() throws Exception {
        String birth = BirthApplication.submit(api, "citizen1").get("number").asText();
        String radiation = numberOf(EnterpriseApplication.submit(api, "enterprise1", "occupational-health",
                EnterpriseApplication.occupationalHealthForm(), List.of("medicalInstitutionLicence", "equipmentList",
                        "shieldingReport", "environmentReport", "workerHealthRecords")));
        LicensedCase.Issued licence = LicensedCase.issue(api, "enterprise2");
        catchUp();

        // a case number makes each query's answer one thing; every word of a query must match
        assertThat(numbers(search("officer-hospital", "q=出生 " + birth + "&type=case"))).containsExactly(birth);
        assertThat(numbers(search("manager1", "q=放射 " + radiation + "&type=case"))).containsExactly(radiation);
        assertThat(numbers(search("manager1", "q=放射 " + radiation + "&bundle=birth"))).as("bundle filter").isEmpty();
        assertThat(numbers(search("manager1", "q=放射 " + birth))).as("no 放射 in a birth case").isEmpty();
        assertThat(search("officer-hospital", "q=出生医学证明 " + birth + "&type=task").get("items")
                .findValuesAsText("typeLabel")).containsExactly("待办");
        assertThat(numbers(search("officer-police", "q=出生医学证明 " + birth + "&type=task")))
                .as("the hospital's task is not the police's").isEmpty();

        assertThat(numbers(search("citizen1", "q=出生 " + birth))).containsExactly(birth);
        assertThat(numbers(search("citizen2", "q=出生 " + birth))).as("another citizen's case").isEmpty();
        assertThat(ids(search("enterprise2", "q=卫生许可证 " + licence.number()))).containsExactly(licence.number());
        assertThat(ids(search("enterprise1", "q=" + licence.number()))).as("another enterprise's").isEmpty();
        assertThat(ids(search("officer-police", "q=" + licence.number()))).as("not the police's licence").isEmpty();
        assertThat(ids(search("officer-health", "q=" + licence.number()))).containsExactly(licence.number());

        JsonNode all = search("manager1", "q=出生 " + birth);
        assertThat(CaseItems.find(all.get("facets").get("type"), "case", "value").get("label").asText())
                .isEqualTo("办件");
        assertThat(all.get("items").get(0).get("highlights").toString()).contains("<em>出生</em>");
        assertThat(all.get("degraded").asBoolean()).isFalse();
    }

    @Test
    void aWholeIdNumberFindsThroughItsHashAndNeverComesBack() throws Exception {
        String birth = BirthApplication.submit(api, "citizen1").get("id").asText();
        catchUp();

        // every demo birth application names the same mother: all of them are found, and nothing else
        String mother = BirthApplication.form().get("motherIdNumber");
        long withMother = jdbc.sql("select count(*) from case_file where form_data like ?").param("%" + mother + "%")
                .query(Long.class).single();
        assertThat(search("manager1", "q=" + mother).get("total").asLong()).isEqualTo(withMother);
        assertThat(search("manager1", "q=" + mother.substring(mother.length() - 6)).get("total").asLong())
                .isEqualTo(withMother);
        assertThat(search("manager1", "q=王丽").get("total").asLong()).as("a name is searchable").isEqualTo(withMother);
        String body = search("manager1", "q=" + mother).toString();
        assertThat(body).doesNotContain(mother).doesNotContain("王丽").doesNotContain("13800000001");
        assertThat(index.client().get(g -> g.index(index.alias()).id("case:" + birth), Map.class).source()
                .toString()).as("not even in the stored document").doesNotContain(mother).doesNotContain("王丽");
    }

    @Test
    void aLicencePastItsValidityIsFoundAsExpiredAfterTheNightlyCheck() throws Exception {
        LicensedCase.Issued licence = LicensedCase.issue(api, "enterprise1");
        catchUp();
        assertThat(search("enterprise1", "q=" + licence.number()).get("items").get(0).get("status").asText())
                .isEqualTo("VALID");
        // the validity ends (as if years passed): the row changes, but the night's check is what a real
        // expiry has; only it is allowed to bring the licence back into the outbox here
        LocalDate ended = LocalDate.now(clock).minusDays(2);
        jdbc.sql("update licence set valid_until = ? where number = ?").params(ended, licence.number()).update();
        jdbc.sql("delete from search_outbox where doc_id = ?").param(licence.number()).update();

        assertThat(expiries.enqueue()).isPositive();
        catchUp();
        assertThat(search("enterprise1", "q=" + licence.number()).get("items").get(0).get("status").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        assertThat(CaseItems.rules(api.get("officer-health", "/api/search?q=" + "出".repeat(101)).body()))
                .containsEntry("q", "maxLength");
        assertThat(CaseItems.rules(api.get("officer-health", "/api/search?type=people").body()))
                .containsEntry("type", "oneOf");
        assertThat(CaseItems.rules(api.get("officer-health", "/api/search?size=1000").body()))
                .containsEntry("size", "range");
        assertThat(CaseItems.rules(api.get("officer-health", "/api/search?page=500&size=200").body()))
                .containsEntry("page", "max");
        assertThat(api.post("manager1", "/api/search/reindex", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("officer-health", "/api/search/status").status()).isEqualTo(403);
    }

    @Test
    void withElasticsearchAwayNothingIsLostAndTheIndexCatchesUpWhenItReturns() throws Exception {
        TestServers.stopElasticsearch();
        String during;
        try {
            during = BirthApplication.submit(api, "citizen1").get("id").asText();
            assertThat(relay.drain()).as("the relay fails, the rows wait").isFalse();
            Api.Response search = api.get("officer-hospital", "/api/search?q=出生");
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.body().get("detail").asText()).contains("其他功能不受影响");
            assertThat(api.get("citizen1", "/api/cases/" + during).status()).as("the rest works").isEqualTo(200);
            assertThat(jdbc.sql("select count(*) from search_outbox where doc_id = ?").param(during)
                    .query(Long.class).single()).isPositive();
        } finally {
            TestServers.elasticsearchUrl();
        }
        catchUp();
        assertThat(ids(search("officer-hospital", "q=出生 " + numberOf(during) + "&type=case"))).containsExactly(during);
        assertThat(api.get("admin1", "/api/search/status").body().get("pending").asLong()).isZero();
    }

    @Test
    void aRebuildWhileCasesAreFiledEndsWithExactlyTheDatabasesCases() throws Exception {
        assertThat(api.post("admin1", "/api/search/reindex", Map.of()).status()).isEqualTo(202);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(BirthApplication.submit(api, "citizen2").get("id").asText());
            relay.drain();
        }
        Instant limit = Instant.now().plus(Duration.ofMinutes(2));
        while (api.get("admin1", "/api/search/status").body().get("rebuild").get("running").asBoolean()) {
            assertThat(Instant.now()).as("rebuild still running").isBefore(limit);
            Thread.sleep(200);
        }
        JsonNode status = api.get("admin1", "/api/search/status").body();
        assertThat(status.get("rebuild").get("error").isNull()).as("%s", status).isTrue();
        catchUp();

        Set<String> indexed = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode found = search("manager1", "type=case&size=200&page=" + page);
            found.get("items").forEach(i -> indexed.add(i.get("id").asText()));
            if (found.get("items").size() < 200) {
                break;
            }
        }
        Set<String> stored = new HashSet<>(jdbc.sql("select id from case_file").query(String.class).list());
        assertThat(indexed).containsAll(filed).isEqualTo(stored);
    }

    @Test
    void anElasticsearchThatLostTheIndexGetsItBackFilledFromTheDatabase() throws Exception {
        String filed = BirthApplication.submit(api, "citizen1").get("id").asText();
        catchUp();
        TestServers.emptyIndex(TestServers.elasticsearchUrl(), index.alias());

        String after = BirthApplication.submit(api, "citizen1").get("id").asText();
        catchUp();
        Instant limit = Instant.now().plus(Duration.ofMinutes(2));
        while (api.get("admin1", "/api/search/status").body().get("rebuild").get("running").asBoolean()) {
            assertThat(Instant.now()).as("rebuild still running").isBefore(limit);
            Thread.sleep(200);
        }
        catchUp();
        assertThat(ids(search("manager1", "type=case&q=" + numberOf(filed)))).containsExactly(filed);
        assertThat(ids(search("manager1", "type=case&q=" + numberOf(after)))).containsExactly(after);
        assertThat(index.client().indices().existsAlias(a -> a.name(index.alias())).value())
                .as("an alias again, not an index written under its name").isTrue();
    }

    private void catchUp() throws Exception {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (!relay.drain()) {
            assertThat(Instant.now()).as("the relay should catch up").isBefore(limit);
            Thread.sleep(500);
        }
        index.refresh();
    }

    private JsonNode search(String user, String query) {
        Api.Response r = api.get(user, "/api/search?" + query);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.body();
    }

    private String numberOf(String caseId) {
        return jdbc.sql("select number from case_file where id = ?").param(caseId).query(String.class).single();
    }

    private static List<String> numbers(JsonNode answer) {
        return answer.get("items").findValuesAsText("caseNumber");
    }

    private static List<String> ids(JsonNode answer) {
        return answer.get("items").findValuesAsText("id");
    }
}
