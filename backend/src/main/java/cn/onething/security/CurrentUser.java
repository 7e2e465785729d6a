package cn.onething.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user as Keycloak vouches for them: realm roles, department groups and the profile
 * claims that pre-fill forms (name, ID number, phone).
 */
public record CurrentUser(String id, String username, String name, Set<String> roles, Set<String> departments,
        Map<String, String> profile) {

    /** Claims that may pre-fill a form field (the catalog names them in `prefill`). */
    static final List<String> PROFILE_CLAIMS = List.of("name", "id_number", "phone_number", "email", "credit_code");

    /**
     * The user a token vouches for. A lead's departments include every sub-department under theirs
     * ({@code departmentsUnder}: a department code to itself and all its descendants): a lead sees and works
     * their sub-departments' work too; an officer only their own groups'.
     */
    public static CurrentUser of(Jwt jwt, Function<String, Set<String>> departmentsUnder) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Set<String> roles = realmAccess == null || !(realmAccess.get("roles") instanceof List<?> list)
                ? Set.of()
                : Set.copyOf(list.stream().map(Object::toString).toList());
        // Keycloak leaves the claim out (not empty) for a user without groups.
        List<String> groups = jwt.getClaimAsStringList("groups");
        Set<String> own = groups == null ? Set.of()
                : Set.copyOf(groups.stream().map(g -> g.startsWith("/") ? g.substring(1) : g).toList());
        Set<String> departments = roles.contains(Role.LEAD)
                ? own.stream().flatMap(d -> departmentsUnder.apply(d).stream()).collect(Collectors.toUnmodifiableSet())
                : own;
        String username = jwt.getClaimAsString("preferred_username");
        String name = jwt.getClaimAsString("name");
        Map<String, String> profile = new java.util.HashMap<>();
        for (String claim : PROFILE_CLAIMS) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                profile.put(claim, value);
            }
        }
        return new CurrentUser(jwt.getSubject(), username, name == null || name.isBlank() ? username : name, roles,
                departments, Map.copyOf(profile));
    }

    public boolean isCitizen() {
        return roles.contains(Role.CITIZEN);
    }

    /** An enterprise applicant (企业): files the enterprise bundles and holds their licences. */
    public boolean isEnterprise() {
        return roles.contains(Role.ENTERPRISE);
    }

    public boolean isOfficer() {
        return roles.contains(Role.OFFICER);
    }

    public boolean isManager() {
        return roles.contains(Role.MANAGER);
    }

    /** A department lead (科室负责人): gets the department's warnings and escalated tasks. */
    public boolean isLead() {
        return roles.contains(Role.LEAD);
    }

    /**
     * The candidate groups of the tasks this user may work: their departments, each department's lead
     * group (`<department>:lead`, e.g. the verification of a bad rating) for a lead, and `manager`.
     */
    public List<String> taskGroups() {
        List<String> groups = new java.util.ArrayList<>(departments);
        if (isLead()) {
            departments.forEach(d -> groups.add(leadGroup(d)));
        }
        if (isManager()) {
            groups.add(Role.MANAGER);
        }
        return groups;
    }

    public static String leadGroup(String department) {
        return department + ":lead";
    }

    public boolean worksIn(String department) {
        return departments.contains(department);
    }
}
