package cn.onething.inspection;

/** Where a site inspection stands, in the words officers and enterprises read. */
public enum InspectionStatus {
    SCHEDULING("拟定踏勘时间"), CONFIRMING("确认踏勘时间"), FIXED("待现场踏勘"), RECTIFYING("企业整改中"),
    RECHECK("待复查"), PASSED("踏勘通过"), FAILED("踏勘不通过");

    public final String zh;

    InspectionStatus(String zh) {
        this.zh = zh;
    }

    boolean finished() {
        return this == PASSED || this == FAILED;
    }
}
