package cn.onething.supervision;

/** Where a supervision push stands: 待认领, 已认领 (being supervised), 已反馈 (result reported). */
public enum PushStatus {
    PENDING, CLAIMED, DONE
}
