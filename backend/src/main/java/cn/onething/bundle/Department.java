package cn.onething.bundle;

/** A department: its code is the Keycloak group and the BPMN candidate group. */
public record Department(String code, String name) {
}
