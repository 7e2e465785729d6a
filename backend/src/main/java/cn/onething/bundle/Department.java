package cn.onething.bundle;

/**
 * A department: its code is the Keycloak group and the BPMN candidate group; a sub-department names its parent
 * (null at the top).
 */
public record Department(String code, String name, String parent) {
}
