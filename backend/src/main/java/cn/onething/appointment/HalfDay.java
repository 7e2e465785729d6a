package cn.onething.appointment;

/** The two half-days a reception works. */
public enum HalfDay {
    AM("上午"), PM("下午");

    private final String label;

    HalfDay(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
