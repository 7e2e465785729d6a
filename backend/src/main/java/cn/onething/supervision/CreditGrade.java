package cn.onething.supervision;

/**
 * 企业信用等级, from the credit events of the last two years (CreditRepository.GRADE holds the rule):
 * D — a false commitment (告知承诺不实, 记失信) or a revoked licence; C — any failed inspection or supervision;
 * B — any passed with conditions (限期整改); A — otherwise, including no events at all.
 * The 双随机 draw picks lower grades more often (SupervisionProperties.drawWeights).
 */
public enum CreditGrade {
    A, B, C, D;

    /** The grade of a severity the SQL rule computes (1 = A … 4 = D). */
    static CreditGrade ofSeverity(int severity) {
        return values()[severity - 1];
    }

    int severity() {
        return ordinal() + 1;
    }
}
