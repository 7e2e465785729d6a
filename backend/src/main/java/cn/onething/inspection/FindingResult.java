package cn.onething.inspection;

/** One department's conclusion on site; the inspection's result combines them (any fail fails). */
public enum FindingResult {
    PASS("通过"), CONDITIONS("有条件通过"), FAIL("不通过");

    public final String zh;

    FindingResult(String zh) {
        this.zh = zh;
    }

    /** The combination of the departments' latest findings. */
    static FindingResult combine(Iterable<FindingResult> results) {
        FindingResult combined = PASS;
        for (FindingResult r : results) {
            if (r.ordinal() > combined.ordinal()) {
                combined = r;
            }
        }
        return combined;
    }
}
