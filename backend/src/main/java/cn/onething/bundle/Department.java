package cn.onething.bundle;

/**
 * A department: its code is the Keycloak group and the BPMN candidate group; a sub-department names its parent
 * (null at the top); `reception` is where and how many applicants it receives in person (统一预约), if it does;
 * `inspectionTeams` how many site visits it can make per half-day (0: it publishes none, and its joint
 * inspections are fixed by proposal and confirmation instead of booked by the enterprise).
 */
public record Department(String code, String name, String parent, Reception reception, int inspectionTeams) {

    /** A reception hall: its address, its windows, and how many visits each window takes per half-day. */
    public record Reception(String place, int windows, int perWindow) {

        public int perHalfDay() {
            return windows * perWindow;
        }
    }
}
