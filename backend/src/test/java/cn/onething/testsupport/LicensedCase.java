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

    public static Issued issue(Api api, String user) {
        Map<String, String> form = switch (user) {
            case "enterprise1" -> EnterpriseApplication.venueForm();
            case "enterprise2" -> EnterpriseApplication.venueForm("悦享酒店管理有限公司", EnterpriseApplication.CREDIT_CODE_2);
            default -> throw new IllegalArgumentException("no demo enterprise " + user);
        };
        String caseId = EnterpriseApplication.submit(api, user, BUNDLE, form, List.of());
        String number = CaseItems.find(api.get(user, "/api/licences?size=200").body().get("items"), caseId, "caseId")
                .get("number").asText();
        return new Issued(caseId, number);
    }
}
