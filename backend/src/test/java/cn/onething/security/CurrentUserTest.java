package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.onething.bundle.BundleCatalog;

class CurrentUserTest {

    final BundleCatalog catalog = new BundleCatalog();

    @Test
    void aLeadWorksTheSubDepartmentsOfTheirDepartments() {
        CurrentUser lead = CurrentUser.of(token(List.of("officer", "lead"), List.of("health", "police")),
                catalog::departmentsUnder);

        assertThat(lead.departments()).containsExactlyInAnyOrder("health", "health-chengguan", "health-xinzhuang",
                "police");
        assertThat(lead.worksIn("health-xinzhuang")).isTrue();
        assertThat(lead.taskGroups()).contains("health-chengguan", "health-chengguan:lead");
    }

    @Test
    void anOfficerWorksOnlyTheirOwnGroups() {
        CurrentUser officer = CurrentUser.of(token(List.of("officer"), List.of("health")), catalog::departmentsUnder);
        assertThat(officer.departments()).containsExactly("health");

        CurrentUser township = CurrentUser.of(token(List.of("officer", "lead"), List.of("health-chengguan")),
                catalog::departmentsUnder);
        assertThat(township.departments()).as("a sub-department's lead: not the parent, not the siblings")
                .containsExactly("health-chengguan");
    }

    @Test
    void aUserWithoutGroupsHasNoDepartments() {
        Jwt noGroups = Jwt.withTokenValue("t").header("alg", "none").subject("u-1").claim("preferred_username", "lead")
                .claim("realm_access", Map.of("roles", List.of("lead"))).build();
        assertThat(CurrentUser.of(noGroups, catalog::departmentsUnder).departments()).isEmpty();
    }

    private static Jwt token(List<String> roles, List<String> groups) {
        return Jwt.withTokenValue("t").header("alg", "none").subject("u-1").claim("preferred_username", "someone")
                .claim("name", "某人").claim("realm_access", Map.of("roles", roles)).claim("groups", groups).build();
    }
}
