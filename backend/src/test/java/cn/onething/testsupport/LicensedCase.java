package cn.onething.testsupport;

import java.util.List;

import cn.onething.bundle.Bundle;
import cn.onething.licence.Licences;

/**
 * A filed case of a demo user with a licence issued by the licence service, for tests of what acts on
 * licences without walking an enterprise bundle's process to its approval.
 */
public final class LicensedCase {

    /** 公共场所卫生许可证, supervised by 卫生健康监督所 who must claim it within 5 working days. */
    public static final Bundle.LicenceSpec PERMIT = new Bundle.LicenceSpec("venuePermit", "公共场所卫生许可证", "health", 4,
            "enterpriseName", "householdAddress", List.of("卫生许可证", "从业人员健康合格证明"), "hsupervision", 5);
    public static final Bundle BUNDLE = new Bundle("venue-test", "公共场所卫生许可（测试）", null, "venueTest", "enterprise", 5,
            "health", null, null, null, null, List.of(PERMIT));

    private LicensedCase() {
    }

    public record Issued(String caseId, String number) {
    }

    public static Issued issue(Api api, Licences licences, String user) {
        String caseId = BirthApplication.submit(api, user).get("id").asText();
        List<String> numbers = licences.issueFor(caseId, BUNDLE);
        return new Issued(caseId, numbers.get(0));
    }
}
