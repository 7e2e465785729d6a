package cn.onething.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.PlatformTest;

/** 审计日志: every write, refused ones too, with who, what, when and from where; admins read it; nobody rewrites it. */
@PlatformTest
class AuditApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWriteIsLoggedWithWhoWhatWhenAndWhereAndOnlyAdminsReadIt() {
        HttpHeaders proxy = new HttpHeaders();
        proxy.set("X-Forwarded-For", "203.0.113.7, 10.0.0.2");
        proxy.set("X-Request-Id", "audit-check-" + System.nanoTime());
        Api.Response refused = api.post("citizen2", "/api/cases", Map.of("bundleCode", "no-such-bundle"), proxy);
        assertThat(refused.status()).isEqualTo(400);
        api.get("citizen2", "/api/cases");
        // refused too, so that no other test's demo user changes (citizen2 has never chosen 长者版)
        Api.Response unsaved = api.put("citizen2", "/api/me/preferences", Map.of("elderMode", "perhaps"));
        assertThat(unsaved.status()).isEqualTo(400);

        List<JsonNode> entries = entries("citizen2");
        JsonNode filing = entries.stream().filter(e -> proxy.getFirst("X-Request-Id").equals(e.get("requestId")
                .asText())).findFirst().orElseThrow();
        assertThat(filing.get("method").asText()).isEqualTo("POST");
        assertThat(filing.get("route").asText()).isEqualTo("/api/cases");
        assertThat(filing.get("status").asInt()).as("refused writes too").isEqualTo(400);
        assertThat(filing.get("clientIp").asText()).as("the client, not the proxy").isEqualTo("203.0.113.7");
        assertThat(filing.get("username").asText()).isEqualTo("citizen2");
        assertThat(filing.get("roles").asText()).contains("citizen");
        assertThat(filing.get("at").asText()).isNotBlank();
        assertThat(entries).as("reads are not writes").allSatisfy(e -> assertThat(e.get("method").asText())
                .isIn("POST", "PUT", "PATCH", "DELETE"));
        assertThat(entries.get(0).get("route").asText()).as("the newest first").isEqualTo("/api/me/preferences");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(entries.toString()).as("no bodies: no personal data").doesNotContain("perhaps");

        assertThat(api.get("citizen2", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("officer-health", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("manager1", "/api/audit").status()).isEqualTo(403);
    }

    @Test
    void nobodyRewritesTheLog() {
        api.post("citizen2", "/api/cases", Map.of("bundleCode", "no-such-bundle"));
        long before = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set status = 200").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(before);
    }

    private List<JsonNode> entries(String user) {
        Api.Response r = api.get("admin1", "/api/audit?user=" + user + "&size=50");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isPositive();
        List<JsonNode> entries = new ArrayList<>();
        r.body().get("items").forEach(entries::add);
        return entries;
    }
}
