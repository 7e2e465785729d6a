package cn.onething.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.PlatformTest;
import cn.onething.timelimit.Deadlines;

/** 审管联动 through the API: the push of each licence, its claim, result and escalation; 双随机 draws. */
@PlatformTest
class SupervisionApiTest {

    @Autowired
    Api api;
    @Autowired
    ClaimEscalation escalation;
    @Autowired
    Deadlines deadlines;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theSupervisorClaimsAPushAndReportsItsResultOntoTheLicence() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise1");
        JsonNode push = push("officer-hsupervision", issued.number());
        assertThat(push.get("status").asText()).isEqualTo("PENDING");
        assertThat(push.get("light").asText()).isEqualTo("GREEN");
        assertThat(push.get("holderName").asText()).isEqualTo("康宁口腔医院有限公司");
        LocalDate issuedOn = LocalDate.parse(api.get("enterprise1", "/api/licences/" + issued.number()).body()
                .get("validFrom").asText());
        assertThat(LocalDate.parse(push.get("claimDue").asText()))
                .as("claimDays: 3").isEqualTo(deadlines.calendar().deadline(issuedOn, 3).date());
        assertThat(api.get("enterprise1", "/api/supervision/queue").status()).isEqualTo(403);
        assertThat(pushIds("officer-health")).doesNotContain(push.get("id").asText());
        assertThat(pushIds("manager1")).contains(push.get("id").asText());

        String id = push.get("id").asText();
        assertThat(action("officer-health", id, "claim", null).status()).as("another department").isEqualTo(404);
        assertThat(action("manager1", id, "claim", null).status()).as("managers watch").isEqualTo(403);
        assertThat(report("officer-hsupervision", id, "PASS", null).status()).as("not claimed yet").isEqualTo(409);
        Api.Response claimed = action("officer-hsupervision", id, "claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.body().get("claimedBy").asText()).isEqualTo("孔监督员");
        assertThat(claimed.body().get("claimedByMe").asBoolean()).isTrue();
        assertThat(CaseItems.find(api.get("lead-hsupervision", "/api/supervision/queue?size=200").body().get("items"),
                id, "id").get("claimedByMe").asBoolean()).as("a colleague sees who, and that it is not theirs")
                .isFalse();
        assertThat(claimed.body().get("light").isNull()).isTrue();
        assertThat(action("lead-hsupervision", id, "claim", null).status()).isEqualTo(409);

        assertThat(CaseItems.rules(report("officer-hsupervision", id, "MAYBE", null).body()))
                .containsExactly(Map.entry("result", "oneOf"));
        assertThat(CaseItems.rules(report("officer-hsupervision", id, "CONDITIONS", " ").body()))
                .containsExactly(Map.entry("comment", "required"));
        assertThat(report("lead-hsupervision", id, "PASS", null).status()).as("only the claimant").isEqualTo(403);
        Api.Response reported = report("officer-hsupervision", id, "CONDITIONS", "消毒记录不全，限 10 日内整改");
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.body().get("status").asText()).isEqualTo("DONE");
        assertThat(report("officer-hsupervision", id, "PASS", null).status()).isEqualTo(409);

        JsonNode supervision = api.get("enterprise1", "/api/licences/" + issued.number()).body().get("supervision");
        assertThat(supervision.get("result").asText()).isEqualTo("CONDITIONS");
        assertThat(supervision.get("comment").asText()).isEqualTo("消毒记录不全，限 10 日内整改");
        assertThat(supervision.get("by").asText()).isEqualTo("孔监督员");
        assertThat(CaseItems.texts(api.get("enterprise1", "/api/cases/" + issued.caseId()).body().get("timeline")
                .findValues("type"))).contains("SUPERVISION_CLAIMED", "SUPERVISION_REPORTED");

        JsonNode enterprise = creditOf("officer-hsupervision", "康宁口腔医院有限公司");
        assertThat(enterprise.get("grade").asText()).isIn("B", "C", "D");
        assertThat(CaseItems.texts(enterprise.get("events").findValues("licenceNumber"))).contains(issued.number());
    }

    @Test
    void aPushNobodyClaimsInTimeGoesToTheDepartmentLeadsOnce() {
        String number = LicensedCase.issue(api, "enterprise2").number();
        String id = push("officer-hsupervision", number).get("id").asText();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(20L * 24 * 3600)));

        escalation.escalateOverdue(); // the scheduled check may have been first: the push is escalated either way
        assertThat(escalation.escalateOverdue()).as("escalated once").isZero();
        JsonNode late = push("officer-hsupervision", number);
        assertThat(late.get("id").asText()).isEqualTo(id);
        assertThat(late.get("light").asText()).isEqualTo("RED");
        assertThat(late.get("remainingDays").asInt()).isNegative();
        assertThat(late.get("escalatedAt").isNull()).isFalse();
        assertThat(messages("lead-hsupervision")).filteredOn(m -> m.contains(number)).hasSize(1)
                .allMatch(m -> m.startsWith("【督办】"));
        assertThat(messages("officer-hsupervision")).noneMatch(m -> m.contains(number));
    }

    @Test
    void aManagerDrawsEnterprisesReproduciblyAndReplaysTheDraw() {
        LicensedCase.issue(api, "enterprise1");
        LicensedCase.issue(api, "enterprise2");
        Map<String, Object> request = Map.of("count", 2, "seed", 20261123, "department", "hsupervision");
        Api.Response first = api.post("manager1", "/api/supervision/draws", request);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        JsonNode draw = first.body();
        assertThat(draw.get("seed").asLong()).isEqualTo(20261123L);
        assertThat(draw.get("drawnBy").asText()).isEqualTo("王经理");
        assertThat(draw.get("drawn")).hasSize(2);
        assertThat(draw.get("population").size()).isGreaterThanOrEqualTo(2);
        draw.get("population").forEach(c -> assertThat(c.get("grade").asText()).isIn("A", "B", "C", "D"));
        List<String> drawn = CaseItems.texts(draw.get("drawn").findValues("holderId"));
        assertThat(CaseItems.texts(api.post("manager1", "/api/supervision/draws", request).body().get("drawn")
                .findValues("holderId"))).as("same population and seed").isEqualTo(drawn);

        String id = draw.get("id").asText();
        JsonNode replay = api.get("manager1", "/api/supervision/draws/" + id + "/replay").body();
        assertThat(replay.get("matches").asBoolean()).isTrue();
        assertThat(CaseItems.texts(replay.get("replayed"))).isEqualTo(drawn);
        assertThat(api.get("manager1", "/api/supervision/draws/" + id).body().get("seed").asLong())
                .isEqualTo(20261123L);
        assertThat(CaseItems.texts(api.get("manager1", "/api/supervision/draws").body().get("items").findValues("id")))
                .contains(id);

        JsonNode unseeded = api.post("manager1", "/api/supervision/draws", Map.of("count", 1)).body();
        assertThat(unseeded.get("seed").asLong()).as("a seed is made and kept").isBetween(0L, (1L << 53) - 1);
        assertThat(api.get("manager1", "/api/supervision/draws/" + unseeded.get("id").asText() + "/replay").body()
                .get("matches").asBoolean()).isTrue();

        assertThat(api.post("officer-hsupervision", "/api/supervision/draws", request).status()).isEqualTo(403);
        assertThat(api.get("officer-hsupervision", "/api/supervision/draws").status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(Map.of("count", 0, "seed", -1, "department", "nowhere"));
        assertThat(CaseItems.rules(api.post("manager1", "/api/supervision/draws", bad).body()))
                .containsOnlyKeys("count", "seed", "department");
        assertThat(CaseItems.rules(api.post("manager1", "/api/supervision/draws", Map.of("count", 100000)).body()))
                .containsExactly(Map.entry("count", "max"));
    }

    private JsonNode push(String user, String licenceNumber) {
        Api.Response r = api.get(user, "/api/supervision/queue?size=200&sort=pushedAt&order=desc");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return CaseItems.find(r.body().get("items"), licenceNumber, "licenceNumber");
    }

    private List<String> pushIds(String user) {
        return CaseItems.texts(api.get(user, "/api/supervision/queue?size=200&sort=pushedAt&order=desc").body()
                .get("items").findValues("id"));
    }

    private Api.Response action(String user, String id, String action, Object body) {
        return api.post(user, "/api/supervision/pushes/" + id + "/" + action, body == null ? Map.of() : body);
    }

    private Api.Response report(String user, String id, String result, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("result", result);
        body.put("comment", comment);
        return action(user, id, "result", body);
    }

    private JsonNode creditOf(String user, String name) {
        Api.Response r = api.get(user, "/api/enterprises/credit?size=200");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return CaseItems.find(r.body().get("items"), name, "name");
    }

    private List<String> messages(String user) {
        return CaseItems.texts(api.get(user, "/api/notifications?size=200").body().get("items").findValues("message"));
    }
}
