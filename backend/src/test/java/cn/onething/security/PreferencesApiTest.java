package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;

/** 长者版 is remembered with the account: whatever device asks next gets it, and only for that user. */
@PlatformTest
class PreferencesApiTest {

    @Autowired
    Api api;

    @Test
    void elderModeIsRememberedPerUser() {
        assertThat(api.get("citizen2", "/api/me/preferences").body().get("elderMode").isNull())
                .as("never chosen: the device's choice may be adopted").isTrue();
        assertThat(api.put("citizen1", "/api/me/preferences", Map.of("elderMode", true)).status()).isEqualTo(200);
        assertThat(api.get("citizen1", "/api/me/preferences").body().get("elderMode").asBoolean()).isTrue();
        assertThat(api.get("citizen2", "/api/me/preferences").body().get("elderMode").isNull())
                .as("another user is not touched").isTrue();

        assertThat(api.put("citizen1", "/api/me/preferences", Map.of("elderMode", "sometimes")).status())
                .isEqualTo(400);
        var missing = api.put("citizen1", "/api/me/preferences", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors/0/field").asText()).isEqualTo("elderMode");
        assertThat(api.get("citizen1", "/api/me/preferences").body().get("elderMode").asBoolean())
                .as("bad input changes nothing").isTrue();
        assertThat(api.put("citizen1", "/api/me/preferences", Map.of("elderMode", false)).status()).isEqualTo(200);
        assertThat(api.get("citizen1", "/api/me/preferences").body().get("elderMode").asBoolean()).isFalse();
    }
}
