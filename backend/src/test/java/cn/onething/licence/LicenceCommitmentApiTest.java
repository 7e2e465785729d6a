package cn.onething.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.casefile.CaseFileService;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.EngineClock;
import cn.onething.testsupport.PlatformTest;

/**
 * What the 公共场所卫生许可 告知承诺 model leaves on licences, supervision and credit (the bundle's own walk is
 * CommitmentPermitApiTest): the push to 卫生健康监督所, the post-check's credit event, a revoked licence that
 * no longer stands in for a material. The engine's clock starts on Monday 2026-11-02.
 */
@PlatformTest
@ExtendWith(EngineClock.class)
class LicenceCommitmentApiTest {

    @Autowired
    Api api;
    @Autowired
    LicenceService licences;
    @Autowired
    CaseFileService cases;

    @BeforeEach
    void monday() {
        EngineClock.set("2026-11-02T09:00");
    }


    @Test
    void aFailedPostCheckIsAFalseCommitmentAndTheRevokedLicenceIsNoLongerHeld() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise2");
        String holder = cases.application(issued.caseId()).applicantId();
        JsonNode licence = api.get("enterprise2", "/api/licences/" + issued.number()).body();
        assertThat(licence.get("holderCreditCode").asText()).isEqualTo(EnterpriseApplication.CREDIT_CODE_2);
        assertThat(licence.get("validFrom").asText()).isEqualTo("2026-11-02");
        assertThat(licence.get("validUntil").asText()).as("4 years").isEqualTo("2030-11-01");
        assertThat(licences.heldLicence(holder, LicensedCase.LICENCE)).isPresent();
        JsonNode push = CaseItems.find(api.get("officer-hsupervision", "/api/supervision/queue?size=200").body()
                .get("items"), issued.number(), "licenceNumber");
        assertThat(push.get("claimDue").asText()).as("claimDays: 3 working days").isEqualTo("2026-11-05");

        postCheck("enterprise2", issued.caseId(), "FAIL", List.of("从业人员无有效健康合格证明", "未设置消毒间"));

        assertThat(licences.heldLicence(holder, LicensedCase.LICENCE)).isNotEqualTo(Optional.of(issued.number()));
        assertThat(CaseItems.texts(api.get("enterprise2", "/api/cases/" + issued.caseId()).body().get("timeline")
                .findValues("type"))).containsSubsequence("LICENCE_ISSUED", "FALSE_COMMITMENT", "LICENCE_REVOKED");
        List<JsonNode> events = eventsOf(EnterpriseApplication.CREDIT_CODE_2, issued.caseId());
        assertThat(events).extracting(e -> e.get("kind").asText())
                .containsExactlyInAnyOrder("INSPECTION", "LICENCE_REVOKED");
        assertThat(events).filteredOn(e -> e.get("kind").asText().equals("INSPECTION")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("result").asText()).isEqualTo("FAIL");
                    assertThat(e.get("falseCommitment").asBoolean()).isTrue();
                    assertThat(e.get("summary").asText()).contains("未设置消毒间");
                });
    }

    @Test
    void aPassedPostCheckIsRecordedAsAPass() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise1");
        postCheck("enterprise1", issued.caseId(), "PASS", List.of());
        assertThat(eventsOf(EnterpriseApplication.CREDIT_CODE, issued.caseId())).singleElement().satisfies(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("INSPECTION");
            assertThat(e.get("result").asText()).isEqualTo("PASS");
            assertThat(e.get("falseCommitment").asBoolean()).isFalse();
        });
    }

    /** 卫生健康监督所 visits on Wednesday 2026-11-04 and records its finding that afternoon. */
    private void postCheck(String applicant, String caseId, String result, List<String> issues) {
        JsonNode inspection = api.get(applicant, "/api/cases/" + caseId + "/inspections").body().get(0);
        String id = inspection.get("id").asText();
        assertThat(inspection.get("booking").isNull()).as("卫生健康监督所 publishes no teams: no self-booking").isTrue();
        assertThat(api.put(applicant, "/api/inspections/" + id + "/booking", Map.of("day", "2026-11-04", "halfDay",
                "AM")).status()).isEqualTo(409);
        Api.Response proposed = api.post("officer-hsupervision", "/api/inspections/" + id + "/proposal",
                Map.of("visitAt", "2026-11-04T10:00:00+08:00", "place", "上海市徐汇区漕溪北路 100 号"));
        assertThat(proposed.status()).as("%s", proposed.body()).isEqualTo(200);
        EngineClock.set("2026-11-04T15:00");
        Api.Response found = api.post("officer-hsupervision", "/api/inspections/" + id + "/findings",
                Map.of("result", result, "issues", issues, "comment", "现场核查"));
        assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
    }

    /** The enterprise's credit events from this case, as an officer reads them. */
    private List<JsonNode> eventsOf(String creditCode, String caseId) {
        JsonNode enterprise = CaseItems.find(api.get("officer-hsupervision", "/api/enterprises/credit?size=200").body()
                .get("items"), creditCode, "creditCode");
        return enterprise.get("events").findParents("kind").stream()
                .filter(e -> caseId.equals(e.get("caseId").asText())).toList();
    }

}
