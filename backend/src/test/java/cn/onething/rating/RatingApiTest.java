package cn.onething.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.PlatformTest;

/** 好差评 through the API: who may rate what and when, and the rectification loop of a bad rating. */
@PlatformTest
class RatingApiTest {

    @Autowired
    Api api;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void onlyTheApplicantRatesADecidedItemOnceAndMayChangeItWithin24Hours() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        Api.Response early = rate("citizen1", caseId, "birthCertificate", 5, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asText()).contains("尚未办结");
        assertThat(rate("citizen1", caseId, null, 5, null).status()).as("the case has not ended").isEqualTo(409);

        approve(caseId, "birthCertificate", "officer-hospital");
        assertThat(rate("citizen2", caseId, "birthCertificate", 1, "ATTITUDE").status()).isEqualTo(404);
        Api.Response noReason = rate("citizen1", caseId, "birthCertificate", 2, null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(CaseItems.rules(noReason.body())).containsExactly(Map.entry("reason", "required"));
        assertThat(CaseItems.rules(rate("citizen1", caseId, "birthCertificate", 6, null).body()))
                .containsExactly(Map.entry("level", "range"));

        Api.Response rated = rate("citizen1", caseId, "birthCertificate", 4, null);
        assertThat(rated.status()).isEqualTo(201);
        JsonNode rating = rated.body();
        assertThat(rating.get("channel").asText()).isEqualTo("ITEM");
        assertThat(rating.get("department").asText()).isEqualTo("hospital");
        assertThat(rating.get("officer").asText()).as("精准三对应: the officer who decided").isEqualTo("王医生");
        assertThat(rating.get("caseNumber").asText()).isNotBlank();
        assertThat(rating.get("rectification").isNull()).isTrue();
        assertThat(rating.get("mine").asBoolean()).isTrue();
        assertThat(api.get("manager1", "/api/cases/" + caseId + "/ratings").body().get(0).get("mine").asBoolean())
                .as("the manager sees it, not as theirs").isFalse();

        Api.Response changed = rate("citizen1", caseId, "birthCertificate", 5, null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("id").asText()).isEqualTo(rating.get("id").asText());
        assertThat(changed.body().get("level").asInt()).isEqualTo(5);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(25 * 3600)));
        assertThat(rate("citizen1", caseId, "birthCertificate", 3, null).status()).isEqualTo(409);
        assertThat(api.get("citizen1", "/api/cases/" + caseId + "/ratings").body()).hasSize(1);
        assertThat(api.get("citizen2", "/api/cases/" + caseId + "/ratings").status()).isEqualTo(404);
    }

    @Test
    void aBadRatingIsVerifiedRectifiedCalledBackClosedAndMayBeAppealed() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        approve(caseId, "birthCertificate", "officer-hospital");
        JsonNode rating = rate("citizen1", caseId, "birthCertificate", 1, "ATTITUDE").body();
        String id = rating.get("id").asText();
        assertThat(status(rating)).isEqualTo("VERIFYING");
        assertThat(rating.get("rectification").get("step").get("code").asText()).isEqualTo("verify");
        assertThat(rating.get("rectification").get("step").get("dueDate").isNull()).isFalse();

        assertThat(ids(api.get("lead-hospital", "/api/rectifications?size=200").body())).contains(id);
        JsonNode step = inboxStep("lead-hospital", id);
        assertThat(step).as("the lead's inbox has the verification").isNotNull();
        assertThat(step.get("name").asText()).isEqualTo("核实");
        assertThat(step.get("caseId").asText()).isEqualTo(caseId);
        assertThat(step.get("light").asText()).isIn("GREEN", "YELLOW");
        assertThat(inboxStep("officer-hospital", id)).as("verification is the lead's").isNull();
        assertThat(ids(api.get("officer-hospital", "/api/rectifications?size=200").body()))
                .as("verification is the lead's").doesNotContain(id);
        assertThat(api.post("officer-hospital", "/api/ratings/" + id + "/verify",
                Map.of("verdict", "rectify", "finding", "属实")).status()).isEqualTo(403);
        assertThat(api.post("lead-police", "/api/ratings/" + id + "/verify",
                Map.of("verdict", "rectify", "finding", "属实")).status()).as("another department").isEqualTo(404);
        Api.Response noFinding = api.post("lead-hospital", "/api/ratings/" + id + "/verify", Map.of("verdict", "rectify"));
        assertThat(CaseItems.rules(noFinding.body())).containsExactly(Map.entry("finding", "required"));

        JsonNode verified = post("lead-hospital", id, "verify", Map.of("verdict", "rectify", "finding", "窗口人员解释不耐心，情况属实"));
        assertThat(status(verified)).isEqualTo("RECTIFYING");
        assertThat(api.post("citizen1", "/api/ratings/" + id + "/callback", Map.of("solved", true)).status())
                .as("not yet at the callback").isEqualTo(409);
        assertThat(inboxStep("officer-hospital", id).get("name").asText()).isEqualTo("整改");
        JsonNode rectified = post("officer-hospital", id, "rectify", Map.of("plan", "开展服务礼仪培训", "result", "已培训并向申请人致歉"));
        assertThat(status(rectified)).isEqualTo("CALLBACK");
        assertThat(api.post("citizen2", "/api/ratings/" + id + "/callback", Map.of("solved", true)).status())
                .isEqualTo(404);

        JsonNode closed = post("citizen1", id, "callback", Map.of("solved", true, "level", 4, "comment", "态度好多了"));
        assertThat(status(closed)).isEqualTo("CLOSED");
        assertThat(closed.get("level").asInt()).as("rated again at the callback").isEqualTo(4);
        assertThat(closed.get("rectification").get("outcome").asText()).contains("问题已解决");
        assertThat(closed.get("rectification").get("appealableUntil").isNull()).isFalse();
        assertThat(types(closed)).containsSubsequence("RATED", "RECTIFICATION_STARTED", "VERIFIED", "RECTIFIED",
                "CALLBACK_ASKED", "CALLBACK_ANSWERED", "CLOSED");
        assertThat(CaseItems.texts(api.get("citizen1", "/api/cases/" + caseId).body().get("timeline").findValues("type")))
                .contains("RATING_CLOSED");

        JsonNode appealed = post("citizen1", id, "appeal", Map.of("reason", "问题其实没有解决"));
        assertThat(status(appealed)).isEqualTo("APPEAL_REVIEW");
        assertThat(api.post("lead-hospital", "/api/ratings/" + id + "/appeal-review",
                Map.of("uphold", true, "comment", "x")).status()).isEqualTo(403);
        JsonNode upheld = post("manager1", id, "appeal-review", Map.of("uphold", true, "comment", "申诉成立，重新整改"));
        assertThat(status(upheld)).isEqualTo("RECTIFYING");
        assertThat(types(upheld)).as("nothing is deleted").containsSubsequence("CLOSED", "APPEALED", "APPEAL_REVIEWED");
    }

    @Test
    void aMistakenRatingIsExcludedOnlyByTheRatingOffice() {
        String caseId = BirthApplication.submit(api, "citizen1").get("id").asText();
        approve(caseId, "vaccination", "officer-cdc");
        String id = rate("citizen1", caseId, "vaccination", 2, "OTHER").body().get("id").asText();
        JsonNode review = post("lead-cdc", id, "verify", Map.of("verdict", "exclude", "finding", "申请人评价的是另一家机构"));
        assertThat(status(review)).isEqualTo("EXCLUSION_REVIEW");
        assertThat(ids(api.get("manager1", "/api/rectifications?size=200").body())).contains(id);
        assertThat(api.post("lead-cdc", "/api/ratings/" + id + "/exclusion-review",
                Map.of("approve", true, "comment", "同意")).status()).isEqualTo(403);
        JsonNode excluded = post("manager1", id, "exclusion-review", Map.of("approve", true, "comment", "证据充分，同意排除"));
        assertThat(status(excluded)).isEqualTo("EXCLUDED");
        assertThat(excluded.get("rectification").get("outcome").asText()).contains("排除");
    }

    private Api.Response rate(String user, String caseId, String itemCode, int level, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", itemCode);
        body.put("level", level);
        body.put("reason", reason);
        return api.post(user, "/api/cases/" + caseId + "/ratings", body);
    }

    private JsonNode post(String user, String id, String action, Map<String, Object> body) {
        Api.Response r = api.post(user, "/api/ratings/" + id + "/" + action, body);
        assertThat(r.status()).as("%s %s: %s", user, action, r.body()).isEqualTo(200);
        return r.body();
    }

    private void approve(String caseId, String item, String officer) {
        for (JsonNode t : api.get(officer, "/api/tasks?size=200").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && item.equals(t.get("itemCode").asText())) {
                assertThat(api.post(officer, "/api/tasks/" + t.get("id").asText() + "/complete",
                        Map.of("decision", "approve")).status()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no task " + item + " of " + caseId);
    }

    /** The rating's rectification step in the user's 待办任务, or null. */
    private JsonNode inboxStep(String user, String ratingId) {
        for (JsonNode t : api.get(user, "/api/tasks?size=200").body().get("items")) {
            if (ratingId.equals(t.get("ratingId").asText())) {
                return t;
            }
        }
        return null;
    }

    private static String status(JsonNode rating) {
        return rating.get("rectification").get("status").asText();
    }

    private static List<String> ids(JsonNode page) {
        return CaseItems.texts(page.get("items").findValues("id"));
    }

    private static List<String> types(JsonNode rating) {
        return CaseItems.texts(rating.get("rectification").get("timeline").findValues("type"));
    }
}
