package cn.onething.task;

/** The tabs of the inbox. */
public enum InboxView {
    /** what I may work now: mine and my departments' unclaimed (the default, and the old API's list) */
    open,
    /** assigned to me, or delegated by me */
    mine,
    /** my departments' tasks nobody has claimed */
    unclaimed,
    /** all open tasks of my departments and their sub-departments: leads only */
    department,
    /** copies sent to me (抄送) */
    cc,
    /** steps I completed */
    done
}
