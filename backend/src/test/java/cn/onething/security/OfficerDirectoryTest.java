package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.client.RestClient;

import cn.onething.security.OfficerDirectory.Officer;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;
import cn.onething.web.UnavailableException;

/** The directory as the realm's demo users make it, read from the real Keycloak with the backend's own client. */
@PlatformTest
class OfficerDirectoryTest {

    @Autowired
    OfficerDirectory directory;

    @Autowired
    Api api;

    @Autowired
    RestClient.Builder rest;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    @Test
    void aDepartmentsMembersAreItsOfficersAndLeads() {
        assertThat(directory.members("police")).extracting(Officer::username)
                .contains("officer-police", "officer2-police", "lead-police")
                .doesNotContain("officer-hospital", "citizen1", "citizen2");
        assertThat(directory.members("police")).filteredOn(Officer::lead).extracting(Officer::username)
                .containsExactly("lead-police");
        assertThat(directory.members("nowhere")).isEmpty();
    }

    @Test
    void aSubDepartmentHasItsOwnMembersAndIsNoPartOfItsParents() {
        assertThat(directory.members("health-chengguan")).extracting(Officer::username)
                .containsExactly("officer-chengguan");
        assertThat(directory.members("health")).extracting(Officer::username)
                .contains("officer-health", "lead-health").doesNotContain("officer-chengguan", "officer-xinzhuang");
        assertThat(directory.officer("officer-xinzhuang").orElseThrow().departments())
                .as("a group's plain name, as in the token's groups claim").containsExactly("health-xinzhuang");
    }

    @Test
    void anOfficerIsFoundByUsernameWithTheNameTheirTokenGives() {
        Officer officer = directory.officer("officer-police").orElseThrow();
        assertThat(officer.departments()).containsExactly("police");
        assertThat(officer.lead()).isFalse();
        assertThat(officer.name()).isEqualTo(api.get("officer-police", "/api/me").body().get("name").asText())
                .isEqualTo("赵警官");
        assertThat(directory.officer("lead-police").orElseThrow().lead()).isTrue();

        assertThat(directory.officer("no-such-user")).isEmpty();
        assertThat(directory.officer("citizen1")).as("a user, but no officer").isEmpty();
    }

    @Test
    void officersListEveryDepartmentsOfficersForOfficersOnly() {
        Api.Response officers = api.get("officer-health", "/api/officers");
        assertThat(officers.status()).isEqualTo(200);
        assertThat(officers.body()).anySatisfy(o -> {
            assertThat(o.get("username").asText()).isEqualTo("officer-police");
            assertThat(o.get("name").asText()).isEqualTo("赵警官");
            assertThat(o.get("department").asText()).isEqualTo("police");
            assertThat(o.get("departmentName").asText()).isEqualTo("公安户政");
        }).anySatisfy(o -> assertThat(o.get("username").asText()).isEqualTo("officer-chengguan"))
                .noneSatisfy(o -> assertThat(o.get("username").asText()).startsWith("citizen"));

        assertThat(api.get("citizen1", "/api/officers").status()).isEqualTo(403);
    }

    @Test
    void anUnreachableKeycloakMakesTheDirectoryUnavailable() {
        OfficerDirectory noAdminApi = new OfficerDirectory(rest.clone(), registrations, authorizedClients,
                "http://127.0.0.1:1/admin/realms/onething");
        assertThatThrownBy(() -> noAdminApi.members("police")).isInstanceOf(UnavailableException.class);

        var noTokens = new InMemoryClientRegistrationRepository(ClientRegistration.withClientRegistration(
                registrations.findByRegistrationId(OfficerDirectory.REGISTRATION))
                .tokenUri("http://127.0.0.1:1/token").build());
        OfficerDirectory noTokenEndpoint = new OfficerDirectory(rest.clone(), noTokens,
                new InMemoryOAuth2AuthorizedClientService(noTokens), Api.KEYCLOAK + "/admin/realms/onething");
        assertThatThrownBy(() -> noTokenEndpoint.officer("officer-police")).isInstanceOf(UnavailableException.class);
    }
}
