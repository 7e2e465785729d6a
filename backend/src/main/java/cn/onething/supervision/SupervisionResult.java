package cn.onething.supervision;

/** The outcome of an inspection or of supervision: 合格, 限期整改, 不合格. */
public enum SupervisionResult {
    PASS("合格"), CONDITIONS("限期整改"), FAIL("不合格");

    private final String label;

    SupervisionResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The result named by a string, or null when it names none. */
    static SupervisionResult parse(Object value) {
        for (SupervisionResult r : values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }
}
