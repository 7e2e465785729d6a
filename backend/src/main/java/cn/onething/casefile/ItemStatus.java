package cn.onething.casefile;

/** Where one item of a case stands. */
public enum ItemStatus {
    /** waiting for the items it depends on */
    WAITING,
    IN_PROGRESS,
    /** returned to the applicant for more material (补正) */
    SUPPLEMENT,
    APPROVED,
    REJECTED,
    /** not worked because an item it depends on was rejected */
    SKIPPED;

    public boolean isDone() {
        return this == APPROVED || this == REJECTED || this == SKIPPED;
    }
}
