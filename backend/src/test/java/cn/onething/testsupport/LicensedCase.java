package cn.onething.testsupport;

import java.util.List;
import java.util.Map;

/**
 * A 公共场所卫生许可（告知承诺）case of a demo enterprise: approved on its commitment, its model issues the
 * 公共场所卫生许可证 on submission and the post-check by 卫生健康监督所 starts.
 */
public final class LicensedCase {

    public static final String BUNDLE = "public-venue-hygiene";
    public static final String LICENCE = "hygieneLicence";

    private LicensedCase() {
    }

    public record Issued(String caseId, String number) {
    }

    /** The demo enterprise's name and 统一社会信用代码, as Keycloak holds them. */
    public static Map.Entry<String, String> enterprise(String user) {
        return switch (user) {
            case "enterprise1" -> Map.entry("康宁口腔医院有限公司", EnterpriseApplication.CREDIT_CODE);
            case "enterprise2" -> Map.entry("悦享酒店管理有限公司", "91310115MA1K3YQ4PN");
            default -> throw new IllegalArgumentException("no demo enterprise " + user);
        };
    }

    public static Issued issue(Api api, String user) {
        Map.Entry<String, String> enterprise = enterprise(user);
        String caseId = EnterpriseApplication.submit(api, user, BUNDLE, Map.of("enterpriseName", enterprise.getKey(),
                "creditCode", enterprise.getValue(), "legalRepresentative", "王悦", "contactPhone", "13900000002",
                "venueName", "悦享酒店", "venueType", "宾馆", "venueAddress", "上海市浦东新区世纪大道 100 号",
                "venueArea", "1200", "commitment", "true"), List.of());
        String number = CaseItems.find(api.get(user, "/api/licences?size=200").body().get("items"), caseId, "caseId")
                .get("number").asText();
        return new Issued(caseId, number);
    }
}
