package cn.onething.security;

/** Realm roles of the onething realm. */
public final class Role {

    public static final String CITIZEN = "citizen";
    public static final String ENTERPRISE = "enterprise";
    public static final String OFFICER = "officer";
    public static final String LEAD = "lead";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
