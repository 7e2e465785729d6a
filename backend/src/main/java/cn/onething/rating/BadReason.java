package cn.onething.rating;

/** Why a rating is bad: one of these, plus the applicant's words. */
public enum BadReason {
    ATTITUDE("服务态度"), TIME_LIMIT("办理时限"), MATERIALS("材料要求"), PROCESS("办事流程"), RESULT("办理结果"),
    OTHER("其他");

    final String label;

    BadReason(String label) {
        this.label = label;
    }

    /** The label users read, for a reason as stored (also in search). */
    public static String labelOf(String reason) {
        return reason == null ? null : valueOf(reason).label;
    }
}
