package cn.onething.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;

/**
 * Keycloak's keys and Elasticsearch out of reach: the platform says DEGRADED and stays ready (200), for signed-in
 * users and cases go on and search catches up by itself; a load balancer keeps sending it traffic.
 */
@PlatformTest
@TestPropertySource(properties = {"onething.search.url=http://127.0.0.1:1",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/certs"})
class DegradedHealthTest {

    @Autowired
    Api api;

    @Test
    void readinessIsDegradedNotDownWhenKeycloakAndElasticsearchAreAway() throws InterruptedException {
        JsonNode ready = readiness();
        // the search relay notices at its first attempt to index
        for (Instant until = Instant.now().plusSeconds(30); !"DEGRADED".equals(ready.at("/components/search/status")
                .asText()) && Instant.now().isBefore(until); ready = readiness()) {
            Thread.sleep(500);
        }
        assertThat(ready.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(ready.at("/components/keycloak/status").asText()).isEqualTo("DEGRADED");
        assertThat(ready.at("/components/search/status").asText()).isEqualTo("DEGRADED");
        assertThat(ready.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
    }

    private JsonNode readiness() {
        Api.Response r = api.get(null, "/actuator/health/readiness");
        assertThat(r.status()).as("still ready: %s", r.body()).isEqualTo(200);
        return r.body();
    }
}
