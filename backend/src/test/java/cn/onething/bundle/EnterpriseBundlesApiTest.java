package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The enterprise bundles end to end: 医疗机构一业一证 within its 12 working days to one 多证合一 licence,
 * which 职业健康一件事 then no longer asks for as material; who may file what; the enterprise form's rules.
 */
@PlatformTest
@ExtendWith(EngineClock.class)
class EnterpriseBundlesApiTest {

    @Autowired
    Api api;

    @BeforeEach
    void monday() {
        EngineClock.set("2026-11-02T09:00");
    }


    @Test
    void oneSetOfMaterialsAndAnExpertReviewOnSiteGiveOneLicenceThatIsNeverAskedForAgain() {
        String caseId = EnterpriseApplication.submit(api, "enterprise1", "medical-institution", institutionForm(),
                List.of("floorPlan", "staffQualifications", "equipmentList", "environmentReport"));
        JsonNode filed = api.get("enterprise1", "/api/cases/" + caseId).body();
        assertThat(filed.get("deadline").get("limitDays").asInt()).isEqualTo(12);
        assertThat(filed.get("deadline").get("dueDate").asText()).isEqualTo("2026-11-18");

        EnterpriseApplication.approve(api, "officer-health", caseId, "practiceRegistration");
        EnterpriseApplication.approve(api, "officer-health", caseId, "radiationDiagnosis");
        EnterpriseApplication.approve(api, "officer-ecology", caseId, "radiationSafety");
        JsonNode review = api.get("enterprise1", "/api/cases/" + caseId + "/inspections").body().get(0);
        assertThat(review.get("name").asText()).isEqualTo("并联现场评审");
        assertThat(review.get("deadline").get("limitDays").asInt()).isEqualTo(5);
        String id = review.get("id").asText();
        assertThat(api.post("officer-health", "/api/inspections/" + id + "/proposal", Map.of("visitAt",
                "2026-11-04T10:00:00+08:00", "place", "上海市徐汇区漕溪北路 99 号")).status()).isEqualTo(200);
        assertThat(api.post("officer-ecology", "/api/inspections/" + id + "/confirmation", Map.of("accept", true))
                .status()).isEqualTo(200);
        EngineClock.set("2026-11-04T15:00");
        for (String officer : List.of("officer-health", "officer-ecology")) {
            Api.Response r = api.post(officer, "/api/inspections/" + id + "/findings",
                    Map.of("result", "PASS", "issues", List.of(), "comment", "专家评审通过"));
            assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        }

        JsonNode done = api.get("enterprise1", "/api/cases/" + caseId).body();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("deadline").get("onTime").asBoolean()).isTrue();
        assertThat(done.get("timeline").toString()).contains("办件办结：准予许可");
        JsonNode licence = licencesOf("enterprise1", caseId).get(0);
        assertThat(licence.get("licenceName").asText()).isEqualTo("医疗机构执业许可证（多证合一）");
        assertThat(licence.get("holderName").asText()).isEqualTo("康宁口腔门诊部");
        assertThat(CaseItems.texts(licence.get("replaces"))).containsExactly("医疗机构执业许可证", "放射诊疗许可证",
                "辐射安全许可证");

        JsonNode prefill = api.get("enterprise1", "/api/bundles/occupational-health/prefill").body();
        assertThat(prefill.get("exemptMaterials").get("medicalInstitutionLicence").asText())
                .isEqualTo(licence.get("number").asText());
        assertThat(prefill.get("values").get("creditCode").asText()).isEqualTo(EnterpriseApplication.CREDIT_CODE);
        String radiation = EnterpriseApplication.submit(api, "enterprise1", "occupational-health",
                EnterpriseApplication.occupationalHealthForm(),
                List.of("equipmentList", "shieldingReport", "environmentReport", "workerHealthRecords"));
        assertThat(api.get("enterprise1", "/api/cases/" + radiation).body().get("timeline").toString())
                .contains("MATERIAL_FROM_LICENCE", licence.get("number").asText());

        Api.Response without = api.post("enterprise2", "/api/cases", Map.of("bundleCode", "occupational-health",
                "form", EnterpriseApplication.occupationalHealthForm(), "materials", Map.of()));
        assertThat(without.status()).as("enterprise2 holds no such licence").isEqualTo(400);
        assertThat(CaseItems.rules(without.body())).containsEntry("medicalInstitutionLicence", "required");
    }

    @Test
    void eachBundleIsFiledByItsKindOfApplicantWithAValidCreditCodeAndASignedCommitment() {
        assertThat(codes("citizen1")).contains("birth").doesNotContain("medical-institution");
        assertThat(codes("enterprise1")).contains("occupational-health", "medical-institution", "public-venue-hygiene")
                .doesNotContain("birth");
        assertThat(api.post("citizen1", "/api/cases", Map.of("bundleCode", "medical-institution", "form",
                institutionForm(), "materials", Map.of())).status()).isEqualTo(403);
        assertThat(api.post("enterprise1", "/api/cases", Map.of("bundleCode", "birth", "form", Map.of(),
                "materials", Map.of())).status()).isEqualTo(403);

        int licences = licencesOf("enterprise1", null).size();
        Map<String, String> venue = new LinkedHashMap<>(EnterpriseApplication.venueForm());
        venue.put("creditCode", "91310104MA1FR0XC2A");
        venue.put("commitment", "false");
        Api.Response r = api.post("enterprise1", "/api/cases",
                Map.of("bundleCode", "public-venue-hygiene", "form", venue, "materials", Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(CaseItems.rules(r.body())).containsEntry("creditCode", "creditCode")
                .containsEntry("commitment", "commitment");
        assertThat(licencesOf("enterprise1", null)).as("nothing issued on a refused application").hasSize(licences);
    }

    private List<String> codes(String user) {
        return api.get(user, "/api/bundles").body().findValuesAsText("code");
    }

    private List<JsonNode> licencesOf(String user, String caseId) {
        List<JsonNode> found = new ArrayList<>();
        api.get(user, "/api/licences?size=200").body().get("items").forEach(l -> {
            if (caseId == null || caseId.equals(l.get("caseId").asText())) {
                found.add(l);
            }
        });
        return found;
    }

    private static Map<String, String> institutionForm() {
        return Map.of("enterpriseName", "康宁口腔医院有限公司", "creditCode", EnterpriseApplication.CREDIT_CODE,
                "legalRepresentative", "陈康宁", "contactPhone", "13900000001", "institutionName", "康宁口腔门诊部",
                "institutionType", "门诊部", "institutionAddress", "上海市徐汇区漕溪北路 99 号",
                "clinicalSubjects", "口腔科；医学影像科", "radiationScope", "X射线影像诊断");
    }

}
