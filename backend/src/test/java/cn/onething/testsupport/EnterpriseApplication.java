package cn.onething.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** Complete, valid applications of the enterprise bundles by the demo enterprises, materials uploaded. */
public final class EnterpriseApplication {

    /** enterprise1's 统一社会信用代码, as Keycloak holds it. */
    public static final String CREDIT_CODE = "91310104MA1FR0XC2K";

    private EnterpriseApplication() {
    }

    /** 职业健康一件事: filed, then each department's review approved, so that the joint inspection starts. */
    public static String occupationalHealthUnderInspection(Api api) {
        String caseId = submit(api, "enterprise1", "occupational-health", occupationalHealthForm(), List.of("medicalInstitutionLicence", "equipmentList", "shieldingReport", "environmentReport",
                        "workerHealthRecords"));
        approve(api, "officer-health", caseId, "radiationDiagnosis");
        approve(api, "officer-health", caseId, "radiationWorkers");
        approve(api, "officer-ecology", caseId, "radiationSafety");
        return caseId;
    }

    public static Map<String, String> occupationalHealthForm() {
        return Map.of("enterpriseName", "康宁口腔医院有限公司", "creditCode", CREDIT_CODE, "legalRepresentative", "陈康宁",
                "contactPhone", "13900000001", "institutionAddress", "上海市徐汇区漕溪北路 88 号",
                "practiceLicenceNumber", "PDY00001231010417A1002", "radiationScope", "X射线影像诊断",
                "radiationWorkerList", "李放、王射");
    }

    /** enterprise2's 统一社会信用代码. */
    public static final String CREDIT_CODE_2 = "91310115MA1K3YQ4PN";

    /** 公共场所卫生许可 告知承诺: one form and the signed commitment, nothing else. */
    public static Map<String, String> venueForm() {
        return venueForm("康宁口腔医院有限公司", CREDIT_CODE);
    }

    public static Map<String, String> venueForm(String enterprise, String creditCode) {
        return Map.of("enterpriseName", enterprise, "creditCode", creditCode, "legalRepresentative", "陈康宁",
                "contactPhone", "13900000001", "venueName", "康宁悦享沐浴中心", "venueType", "沐浴场所",
                "venueAddress", "上海市徐汇区漕溪北路 100 号", "venueArea", "320", "commitment", "true");
    }

    public static String submit(Api api, String user, String bundle, Map<String, String> form, List<String> materials) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : materials) {
            ids.put(code, BirthApplication.upload(api, user, code + ".pdf",
                    BirthApplication.pdf(code), MediaType.APPLICATION_PDF));
        }
        Api.Response r = api.post(user, "/api/cases", Map.of("bundleCode", bundle, "form", form, "materials", ids));
        assertThat(r.status()).as("submit %s: %s", bundle, r.body()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    public static void approve(Api api, String officer, String caseId, String itemCode) {
        for (JsonNode t : api.get(officer, "/api/tasks?size=200").body().get("items")) {
            if (caseId.equals(t.get("caseId").asText()) && itemCode.equals(t.get("itemCode").asText())) {
                Api.Response r = api.post(officer, "/api/tasks/" + t.get("id").asText() + "/complete",
                        Map.of("decision", "approve"));
                assertThat(r.status()).as("approve %s: %s", itemCode, r.body()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no task " + itemCode + " of case " + caseId + " for " + officer);
    }
}
