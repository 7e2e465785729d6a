package cn.onething.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.ClockConfig;
import cn.onething.casefile.CaseFileService;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.PlatformTest;

/**
 * 公共场所卫生许可 告知承诺 end to end: the licence is issued on submission and pushed to 卫生健康监督所; a post-check
 * that passes leaves it valid, one that fails revokes it and records a false commitment (记失信, grade D).
 * The engine's clock starts on Monday 2026-11-02.
 */
@PlatformTest
class LicenceCommitmentApiTest {

    @Autowired
    Api api;
    @Autowired
    LicenceService licences;
    @Autowired
    CaseFileService cases;

    @BeforeEach
    void monday() {
        ClockUtil.setCurrentTime(at("2026-11-02T09:00"));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aFailedPostCheckRevokesTheLicenceAndRecordsAFalseCommitment() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise2");
        String caseId = issued.caseId();
        String number = issued.number();
        JsonNode licence = api.get("enterprise2", "/api/licences/" + number).body();
        assertThat(licence.get("licenceCode").asText()).isEqualTo(LicensedCase.LICENCE);
        assertThat(licence.get("status").asText()).isEqualTo("VALID");
        assertThat(licence.get("holderName").asText()).isEqualTo("悦享酒店管理有限公司");
        assertThat(licence.get("holderCreditCode").asText()).isEqualTo("91310115MA1K3YQ4PN");
        assertThat(licence.get("scope").asText()).isEqualTo("宾馆");
        assertThat(licence.get("validFrom").asText()).isEqualTo("2026-11-02");
        assertThat(licence.get("validUntil").asText()).isEqualTo("2030-11-01");
        assertThat(licences.heldLicence(cases.application(caseId).applicantId(), LicensedCase.LICENCE)).isPresent();
        JsonNode push = CaseItems.find(api.get("officer-hsupervision", "/api/supervision/queue?size=200").body()
                .get("items"), number, "licenceNumber");
        assertThat(push.get("claimDue").asText()).as("3 working days").isEqualTo("2026-11-05");

        postCheck("enterprise2", caseId, "FAIL", List.of("从业人员无有效健康合格证明", "未设置消毒间"));

        JsonNode revoked = api.get("enterprise2", "/api/licences/" + number).body();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedReason").asText()).contains("从业人员无有效健康合格证明");
        assertThat(api.get(null, "/api/licences/" + number + "/verify").body().get("status").asText())
                .isEqualTo("REVOKED");
        assertThat(licences.heldLicence(cases.application(caseId).applicantId(), LicensedCase.LICENCE))
                .isNotEqualTo(Optional.of(number));
        assertThat(CaseItems.texts(api.get("enterprise2", "/api/cases/" + caseId).body().get("timeline")
                .findValues("type"))).containsSubsequence("LICENCE_ISSUED", "FALSE_COMMITMENT", "LICENCE_REVOKED");

        JsonNode enterprise = CaseItems.find(api.get("manager1", "/api/enterprises/credit?size=200").body()
                .get("items"), "91310115MA1K3YQ4PN", "creditCode");
        assertThat(enterprise.get("grade").asText()).isEqualTo("D");
        assertThat(enterprise.get("events")).anySatisfy(e -> {
            assertThat(e.get("caseId").asText()).isEqualTo(caseId);
            assertThat(e.get("falseCommitment").asBoolean()).isTrue();
        });
    }

    @Test
    void aPassedPostCheckLeavesTheLicenceValid() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise1");
        String caseId = issued.caseId();
        String number = issued.number();
        postCheck("enterprise1", caseId, "PASS", List.of());
        assertThat(api.get("enterprise1", "/api/licences/" + number).body().get("status").asText()).isEqualTo("VALID");
        JsonNode events = CaseItems.find(api.get("officer-hsupervision", "/api/enterprises/credit?size=200").body()
                .get("items"), EnterpriseApplication.CREDIT_CODE, "creditCode").get("events");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("caseId").asText()).isEqualTo(caseId);
            assertThat(e.get("result").asText()).isEqualTo("PASS");
        });
    }

    /** 卫生健康监督所 visits on Wednesday 2026-11-04 and records its finding that afternoon. */
    private void postCheck(String applicant, String caseId, String result, List<String> issues) {
        String id = api.get(applicant, "/api/cases/" + caseId + "/inspections").body().get(0).get("id").asText();
        Api.Response proposed = api.post("officer-hsupervision", "/api/inspections/" + id + "/proposal",
                Map.of("visitAt", "2026-11-04T10:00:00+08:00", "place", "上海市浦东新区世纪大道 100 号", "note", "事后核查"));
        assertThat(proposed.status()).as("%s", proposed.body()).isEqualTo(200);
        ClockUtil.setCurrentTime(at("2026-11-04T15:00"));
        Api.Response found = api.post("officer-hsupervision", "/api/inspections/" + id + "/findings",
                Map.of("result", result, "issues", issues, "comment", "现场核查"));
        assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
    }

    private static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(ClockConfig.BEIJING).toInstant());
    }
}
