package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

/**
 * Tokens that must not open the API: malformed, signed by nobody the realm knows, expired, for another
 * audience or from another issuer. The realm publishes a test key beside its own (passive: Keycloak never
 * signs with it), so the test can sign tokens that differ from a real one in one claim only — and a
 * control token, identical but valid, is accepted, so a refusal is about that claim.
 */
@PlatformTest
class RefusedTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_API = Api.KEYCLOAK + "/admin/realms/onething";
    private static KeyPair testKey;
    private static String testKeyId;
    private static String componentId;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void realmPublishesATestKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        testKey = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(testKey.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        ObjectNode component = JSON.createObjectNode()
                .put("name", "refused-tokens-test").put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", admin("GET", "", null).body().get("id").asText());
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1");
        config.putArray("enabled").add("true");
        config.putArray("active").add("false");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(pem);
        AdminResponse created = admin("POST", "/components", component);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        componentId = created.location().substring(created.location().lastIndexOf('/') + 1);
        for (JsonNode key : admin("GET", "/keys", null).body().get("keys")) {
            if (key.get("providerId").asText().equals(componentId)) {
                testKeyId = key.get("kid").asText();
            }
        }
        assertThat(testKeyId).isNotNull();
    }

    @AfterAll
    static void realmForgetsTheTestKey() throws Exception {
        if (componentId != null) {
            admin("DELETE", "/components/" + componentId, null);
        }
    }

    @Test
    void aTokenDifferingInOneClaimFromAValidOneIsRefusedWithAProblem() throws Exception {
        ObjectNode real = claimsOf(Api.token("citizen1"));
        long now = Instant.now().getEpochSecond();
        real.put("iat", now).put("exp", now + 300);

        Api.Response control = api.getWithToken(sign(real), "/api/me");
        assertThat(control.status()).as("the test key's token with the real claims: %s", control.body()).isEqualTo(200);
        assertThat(control.body().get("username").asText()).isEqualTo("citizen1");

        Map<String, ObjectNode> refused = Map.of(
                "expired five minutes ago (past the minute of clock skew)",
                real.deepCopy().put("iat", now - 1200).put("exp", now - 300),
                "for another audience", real.deepCopy().put("aud", "some-other-system"),
                "from another issuer", real.deepCopy().put("iss", "http://localhost:8180/realms/master"));
        for (Map.Entry<String, ObjectNode> token : refused.entrySet()) {
            assertRefused(api.getWithToken(sign(token.getValue()), "/api/me"), token.getKey());
        }
        String signedByNobody = sign(real).replaceAll("\\.[^.]+$", "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[256]));
        assertRefused(api.getWithToken(signedByNobody, "/api/me"), "a signature of zeros");
        assertRefused(api.getWithToken("abc.def.ghi", "/api/me"), "malformed");
        assertRefused(api.getWithToken("", "/api/me"), "empty");
    }

    @Test
    void aWriteWithARefusedTokenWritesNothing() throws Exception {
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        long cases = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        long now = Instant.now().getEpochSecond();
        String expired = sign(claimsOf(Api.token("citizen1")).put("iat", now - 1200).put("exp", now - 300));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/cases"))
                .header("Authorization", "Bearer " + expired).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("bundleCode", "birth",
                        "form", BirthApplication.form(), "materials", materials))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void aMissingTokenIsAskedForInPlainWords() {
        Api.Response r = api.get(null, "/api/cases");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asText()).startsWith("请先登录");
    }

    @Test
    void aRoleThatMayNotIsRefusedWithAProblem() {
        Api.Response r = api.get("citizen1", "/engine-rest/process-definition");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.body().get("title").asText()).isEqualTo("无权操作 / Forbidden");
    }

    private static void assertRefused(Api.Response r, String what) {
        assertThat(r.status()).as(what).isEqualTo(401);
        assertThat(r.headers().getFirst("WWW-Authenticate")).as(what).startsWith("Bearer");
        assertThat(r.headers().getContentType().toString()).as(what).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asText()).as(what).startsWith("登录凭证无效或已过期");
        assertThat(r.body().toString()).as(what).doesNotContain("Exception", "org.springframework", "com.nimbusds");
    }

    private static ObjectNode claimsOf(String token) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String sign(ObjectNode claims) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(JSON.writeValueAsBytes(
                Map.of("alg", "RS256", "typ", "JWT", "kid", testKeyId)));
        String content = header + "." + base64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(testKey.getPrivate());
        rsa.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + base64.encodeToString(rsa.sign());
    }

    private record AdminResponse(int status, JsonNode body, String location) {
    }

    /** Keycloak's Admin REST API as the master realm's admin (the development server's admin/admin). */
    private static AdminResponse admin(String method, String path, JsonNode body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin"), StandardCharsets.UTF_8);
        String adminToken = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ADMIN_API + path))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new AdminResponse(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                response.headers().firstValue("Location").orElse(""));
    }
}
