package cn.onething.security;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Readiness of sign-in (component `keycloak`): whether Keycloak's signing keys (JWKS) can be fetched. DEGRADED, not
 * DOWN, when they cannot: tokens already issued are checked with the keys held and keep working until they expire;
 * only new sign-ins fail, at Keycloak.
 */
@Component
class KeycloakHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "统一身份认证暂不可用：已登录用户不受影响，新登录将失败");

    private final RestClient keycloak;
    private final String jwksUri;

    KeycloakHealthIndicator(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwksUri) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(2));
        this.keycloak = RestClient.builder().requestFactory(requests).build();
        this.jwksUri = jwksUri;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            Map<?, ?> jwks = keycloak.get().uri(jwksUri).retrieve().body(Map.class);
            Object keys = jwks == null ? null : jwks.get("keys");
            builder.status(keys instanceof List<?> list && !list.isEmpty() ? Status.UP : DEGRADED)
                    .withDetail("keys", keys instanceof List<?> list ? list.size() : 0);
        } catch (RuntimeException e) {
            builder.status(DEGRADED).withDetail("error", e.getClass().getSimpleName());
        }
    }
}
