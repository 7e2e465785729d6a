package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;

@PlatformTest
class AccessTest {

    @Autowired
    Api api;

    @Autowired
    JwtDecoder jwtDecoder;

    @Test
    void theEnginesOwnRestApiIsForAdministratorsOnly() {
        String definitions = "/engine-rest/process-definition";
        assertThat(api.get(null, definitions).status()).isEqualTo(401);
        assertThat(api.get("citizen1", definitions).status()).isEqualTo(403);
        assertThat(api.get("manager1", definitions).status()).isEqualTo(403);
        assertThat(api.get("admin1", definitions).status()).isEqualTo(200);
    }

    @Test
    void meTellsRolesAndDepartmentsFromTheToken() {
        Api.Response me = api.get("officer-police", "/api/me");
        assertThat(me.body().get("name").asText()).isEqualTo("赵警官");
        assertThat(me.body().get("roles").get(0).asText()).isEqualTo("officer");
        assertThat(me.body().get("departments").get(0).get("name").asText()).isEqualTo("公安户政");
        assertThat(api.get("citizen1", "/api/me").body().get("departments")).isEmpty();
    }

    @Test
    void aLeadWorksInTheSubDepartmentsOfTheirDepartment() {
        assertThat(api.get("lead-health", "/api/me").body().get("departments")).extracting(d -> d.get("code").asText())
                .containsExactly("health", "health-chengguan", "health-xinzhuang");
        assertThat(api.get("officer-health", "/api/me").body().get("departments")).extracting(d -> d.get("code")
                .asText()).containsExactly("health");
        JsonNode township = api.get("officer-chengguan", "/api/me").body().get("departments").get(0);
        assertThat(township.get("name").asText()).isEqualTo("城关镇卫生院");
        assertThat(township.get("parent").asText()).isEqualTo("health");

        JsonNode departments = api.get("officer-police", "/api/departments").body();
        assertThat(departments).filteredOn(d -> d.get("code").asText().equals("health-xinzhuang"))
                .singleElement().satisfies(d -> assertThat(d.get("parent").asText()).isEqualTo("health"));
        assertThat(departments).filteredOn(d -> d.get("code").asText().equals("police"))
                .singleElement().satisfies(d -> assertThat(d.get("parent").isNull()).isTrue());
    }

    @Test
    void aMissingOrTamperedTokenIsRefused() {
        assertThat(api.get(null, "/api/me").status()).isEqualTo(401);
        String[] parts = Api.token("citizen1").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"citizen\"", "\"manager\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(payload).contains("\"manager\"");
        // the genuine token verified and kept first: its tampered copy is still checked, and refused
        assertThat(api.getWithToken(Api.token("citizen1"), "/api/cases").status()).isEqualTo(200);
        assertThat(jwtDecoder).as("verified tokens are kept").isInstanceOf(VerifiedTokens.Decoder.class);
        assertThat(api.getWithToken(tampered, "/api/cases").status()).isEqualTo(401);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }
}
