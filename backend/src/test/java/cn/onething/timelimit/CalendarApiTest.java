package cn.onething.timelimit;

import static cn.onething.testsupport.CaseItems.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;

@PlatformTest
class CalendarApiTest {

    static final Map<String, Object> YEAR_2027 = Map.of("source", "测试用 2027 年放假安排", "holidays", List.of(
            Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01"),
            Map.of("name", "春节", "from", "2027-02-05", "to", "2027-02-11", "worked", List.of("2027-02-14"))));

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @LocalServerPort
    int port;

    @AfterEach
    void backToTheShippedYears() {
        jdbc.sql("delete from calendar_year where year_number = 2027").update();
        calendar.reload();
    }

    @Test
    void deadlinesAndWorkingDaysFollowTheArrangement() {
        JsonNode d = api.get("citizen1", "/api/calendar/deadline?start=2026-02-13&workingDays=2").body();
        assertThat(d.get("deadline").asText()).isEqualTo("2026-02-24");
        assertThat(d.get("provisional").asBoolean()).isFalse();
        JsonNode w = api.get("officer-police", "/api/calendar/working-days?from=2026-02-13&to=2026-03-02").body();
        assertThat(w.get("workingDays").asInt()).isEqualTo(7);
        assertThat(w.get("provisional").asBoolean()).isFalse();
        assertThat(api.get(null, "/api/calendar/deadline?start=2026-02-13&workingDays=2").status()).isEqualTo(401);
    }

    @Test
    void badQueriesNameTheParameterAndTheRule() {
        assertRule("/api/calendar/deadline?workingDays=2", "start", "required");
        assertRule("/api/calendar/deadline?start=2026-02-30&workingDays=2", "start", "date");
        assertRule("/api/calendar/deadline?start=2026-02-13&workingDays=two", "workingDays", "integer");
        assertRule("/api/calendar/deadline?start=2026-02-13&workingDays=3651", "workingDays", "range");
        assertRule("/api/calendar/deadline?start=2026-02-13&workingDays=-1", "workingDays", "range");
        assertRule("/api/calendar/deadline?start=1999-12-31&workingDays=1", "start", "range");
        assertRule("/api/calendar/working-days?from=2026-03-02&to=2026-02-13", "to", "range");
        assertRule("/api/calendar/working-days?from=2026-03-02", "to", "required");
        assertRule("/api/calendar/abc", "year", "integer");
    }

    @Test
    void theLoadedYearsAreListed() {
        JsonNode years = api.get("citizen1", "/api/calendar").body();
        assertThat(years.findValuesAsText("year")).containsExactly("2025", "2026");
        JsonNode y2026 = years.get(1);
        assertThat(y2026.get("origin").asText()).isEqualTo("file");
        assertThat(y2026.get("offDays").asInt()).isEqualTo(33);
        assertThat(y2026.get("workedDays").asInt()).isEqualTo(6);
        assertThat(y2026.get("holidays").get(1).get("worked").get(0).asText()).isEqualTo("2026-02-14");
        assertThat(api.get("citizen1", "/api/calendar/2026").body().get("source").asText()).contains("2026");
        Api.Response missing = api.get("citizen1", "/api/calendar/2027");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void onlyAnAdministratorStoresAYear() {
        assertThat(put("officer-police", "/api/calendar/2027", YEAR_2027).status()).isEqualTo(403);
        assertThat(put("manager1", "/api/calendar/2027", YEAR_2027).status()).isEqualTo(403);
        assertThat(put(null, "/api/calendar/2027", YEAR_2027).status()).isEqualTo(401);
        assertThat(stored2027()).isZero();
    }

    @Test
    void aBrokenYearIsRefusedWithItsFieldsAndNothingIsStored() {
        Map<String, Object> bad = Map.of("source", "测试", "holidays", List.of(
                Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01"),
                Map.of("name", "春节", "from", "2027-02-05", "to", "2027-02-11",
                        "worked", List.of("2027-02-14", "2027-02-06"))));

        Api.Response r = put("admin1", "/api/calendar/2027", bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rules(r.body())).containsOnly(Map.entry("holidays[1].worked[1]", "offAndWorked"));
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("2027-02-06");
        assertThat(stored2027()).isZero();
        assertThat(calendar.year(2027)).isEmpty();
        assertThat(rules(put("admin1", "/api/calendar/1999", YEAR_2027).body())).containsOnly(Map.entry("year", "range"));
    }

    @Test
    void anUploadedYearIsUsedAtOnce() {
        JsonNode before = api.get("citizen1", "/api/calendar/deadline?start=2026-12-31&workingDays=1").body();
        assertThat(before.get("deadline").asText()).isEqualTo("2027-01-01");
        assertThat(before.get("provisional").asBoolean()).isTrue();

        Api.Response r = put("admin1", "/api/calendar/2027", YEAR_2027);

        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.body().get("year").asInt()).isEqualTo(2027);
        assertThat(r.body().get("origin").asText()).isEqualTo("database");
        assertThat(r.body().get("updatedBy").asText()).isEqualTo("admin1");
        assertThat(r.body().get("offDays").asInt()).isEqualTo(8);
        assertThat(stored2027()).isEqualTo(1);
        // 2027-01-01 (Fri) is now off: 01-04 (Mon)
        JsonNode after = api.get("citizen1", "/api/calendar/deadline?start=2026-12-31&workingDays=1").body();
        assertThat(after.get("deadline").asText()).isEqualTo("2027-01-04");
        assertThat(after.get("provisional").asBoolean()).isFalse();
        // from 02-04 (Thu): 02-12 (Fri), 02-14 (Sun, worked), 02-15 (Mon)
        assertThat(api.get("citizen1", "/api/calendar/deadline?start=2027-02-04&workingDays=2").body()
                .get("deadline").asText()).isEqualTo("2027-02-14");
        assertThat(api.get("citizen1", "/api/calendar/working-days?from=2027-02-04&to=2027-02-15").body()
                .get("workingDays").asInt()).isEqualTo(3);
        assertThat(api.get("citizen1", "/api/calendar").body().findValuesAsText("year"))
                .containsExactly("2025", "2026", "2027");

        // a correction replaces the stored year
        Map<String, Object> corrected = Map.of("source", "更正", "holidays", List.of(
                Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-03")));
        assertThat(put("admin1", "/api/calendar/2027", corrected).status()).isEqualTo(200);
        assertThat(stored2027()).isEqualTo(1);
        assertThat(api.get("citizen1", "/api/calendar/deadline?start=2027-02-04&workingDays=2").body()
                .get("deadline").asText()).isEqualTo("2027-02-08");
    }

    @Test
    void aYearStoredByAnotherNodeIsLoadedOnTheNextRefresh() {
        String arrangement = "{\"source\":\"另一节点\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\","
                + "\"to\":\"2027-01-01\",\"worked\":[]}]}";
        jdbc.sql("insert into calendar_year (year_number, arrangement, updated_by, updated_at) values (2027, ?, ?, ?)")
                .params(arrangement, "admin-on-node2", OffsetDateTime.now())
                .update();

        calendar.refresh(); // what the scheduler does every 60 s

        assertThat(calendar.year(2027)).hasValueSatisfying(y -> assertThat(y.updatedBy()).isEqualTo("admin-on-node2"));
        assertThat(calendar.deadline(LocalDate.of(2026, 12, 31), 1)).isEqualTo(new Deadline(LocalDate.of(2027, 1, 4), false));
    }

    private void assertRule(String path, String field, String rule) {
        Api.Response r = api.get("citizen1", path);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(400);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rules(r.body())).as(path).containsOnly(Map.entry(field, rule));
        assertThat(r.body().get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(r.body().get("errors").get(0).get("messageEn").asText()).isNotBlank();
    }

    private long stored2027() {
        return jdbc.sql("select count(*) from calendar_year where year_number = 2027").query(Long.class).single();
    }

    /** Api has no PUT; the same call with the same Keycloak token. */
    private Api.Response put(String user, String path, Object body) {
        RestClient.RequestBodySpec request = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {
                })
                .build().put().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + Api.token(user));
        }
        return request.body(body).exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode json = bytes.length == 0 ? null : new ObjectMapper().readTree(bytes);
            return new Api.Response(res.getStatusCode().value(), json, res.getHeaders());
        });
    }
}
