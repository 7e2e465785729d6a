package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/**
 * 公共场所卫生许可 告知承诺: the permit is issued with the answer to the application, no officer in the loop;
 * the post-check by 卫生健康监督所 follows within its working days, and a false commitment revokes the permit
 * and marks the enterprise's credit.
 */
@PlatformTest
@ExtendWith(EngineClock.class)
class CommitmentPermitApiTest {

    @Autowired
    Api api;

    @BeforeEach
    void monday() {
        EngineClock.set("2026-11-02T09:00");
    }


    @Test
    void thePermitIsIssuedAtOnceAndAFalseCommitmentFoundOnThePostCheckRevokesIt() {
        Api.Response filed = api.post("enterprise2", "/api/cases", Map.of("bundleCode", "public-venue-hygiene",
                "form", EnterpriseApplication.venueForm("悦享酒店管理有限公司", EnterpriseApplication.CREDIT_CODE_2),
                "materials", Map.of()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String caseId = filed.body().get("id").asText();
        JsonNode item = CaseItems.find(filed.body().get("items"), "hygienePermit");
        assertThat(item.get("status").asText()).as("in the answer to the application").isEqualTo("APPROVED");
        assertThat(item.get("decidedBy").asText()).isEqualTo("系统");
        assertThat(filed.body().get("status").asText()).as("办结 at once; the post-check is supervision")
                .isEqualTo("COMPLETED");
        assertThat(filed.body().get("deadline").get("onTime").asBoolean()).isTrue();
        JsonNode licence = licenceOf("enterprise2", caseId);
        assertThat(licence.get("licenceName").asText()).isEqualTo("公共场所卫生许可证");
        assertThat(licence.get("status").asText()).isEqualTo("VALID");
        assertThat(licence.get("holderName").asText()).isEqualTo("悦享酒店管理有限公司");
        String number = licence.get("number").asText();
        assertThat(api.get(null, "/api/licences/" + number + "/verify").body().get("status").asText())
                .isEqualTo("VALID");

        JsonNode postCheck = api.get("enterprise2", "/api/cases/" + caseId + "/inspections").body().get(0);
        assertThat(postCheck.get("name").asText()).isEqualTo("事后核查");
        assertThat(postCheck.get("lead").get("code").asText()).isEqualTo("hsupervision");
        assertThat(postCheck.get("deadline").get("dueDate").asText()).as("20 working days").isEqualTo("2026-11-30");
        String id = postCheck.get("id").asText();
        JsonNode fixed = api.post("officer-hsupervision", "/api/inspections/" + id + "/proposal",
                Map.of("visitAt", "2026-11-05T10:00:00+08:00", "place", "上海市徐汇区漕溪北路 100 号")).body();
        assertThat(fixed.get("inspection").get("status").asText()).as("nobody else to confirm").isEqualTo("FIXED");

        EngineClock.set("2026-11-05T11:00");
        Api.Response found = api.post("officer-hsupervision", "/api/inspections/" + id + "/findings",
                Map.of("result", "FAIL", "issues", List.of("未设置公共用品用具消毒间", "从业人员无健康合格证明")));
        assertThat(found.status()).as("%s", found.body()).isEqualTo(200);

        JsonNode revoked = licenceOf("enterprise2", caseId);
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedReason").asText()).contains("未设置公共用品用具消毒间");
        assertThat(api.get(null, "/api/licences/" + number + "/verify").body().get("status").asText())
                .isEqualTo("REVOKED");
        JsonNode caseFile = api.get("enterprise2", "/api/cases/" + caseId).body();
        assertThat(caseFile.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(caseFile.get("timeline").findValuesAsText("type")).contains("FALSE_COMMITMENT");
        JsonNode credit = CaseItems.find(api.get("manager1", "/api/enterprises/credit?size=200").body().get("items"),
                EnterpriseApplication.CREDIT_CODE_2, "creditCode");
        assertThat(credit.get("grade").asText()).isEqualTo("D");
        JsonNode own = api.get("enterprise2", "/api/enterprises/me/credit").body();
        assertThat(own.get("grade").asText()).as("the enterprise sees its own grade").isEqualTo("D");
        assertThat(own.get("events").findValuesAsText("falseCommitment")).contains("true");
        assertThat(api.get("citizen1", "/api/enterprises/me/credit").status()).isEqualTo(403);
    }

    @Test
    void aCommitmentFoundTrueKeepsThePermit() {
        String caseId = EnterpriseApplication.submit(api, "enterprise1", "public-venue-hygiene",
                EnterpriseApplication.venueForm(), List.of());
        String id = api.get("enterprise1", "/api/cases/" + caseId + "/inspections").body().get(0).get("id").asText();
        api.post("officer-hsupervision", "/api/inspections/" + id + "/proposal",
                Map.of("visitAt", "2026-11-03T10:00:00+08:00", "place", "上海市徐汇区漕溪北路 100 号"));
        EngineClock.set("2026-11-03T11:00");
        assertThat(api.post("officer-hsupervision", "/api/inspections/" + id + "/findings",
                Map.of("result", "PASS")).status()).isEqualTo(200);

        assertThat(licenceOf("enterprise1", caseId).get("status").asText()).isEqualTo("VALID");
        JsonNode prefill = api.get("enterprise1", "/api/bundles/public-venue-hygiene/prefill").body();
        assertThat(prefill.get("values").get("venueName").asText()).as("known from the earlier case")
                .isEqualTo("康宁悦享沐浴中心");
        assertThat(prefill.get("values").has("commitment")).as("a commitment is signed afresh each time").isFalse();
        assertThat(api.get("enterprise1", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("COMPLETED");
    }

    private JsonNode licenceOf(String user, String caseId) {
        JsonNode ofCase = api.get(user, "/api/licences?caseId=" + caseId).body();
        assertThat(ofCase.get("total").asInt()).as("one licence for the case").isEqualTo(1);
        return ofCase.get("items").get(0);
    }

}
