package cn.onething.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the running platform over HTTP as a Keycloak user: every request carries a real token fetched
 * with the password grant from the onething realm.
 */
@TestComponent
public class Api {

    public static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180");
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetched) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Environment environment;
    private RestClient http;

    public Api(Environment environment) {
        this.environment = environment;
    }

    /** Built on first use: the server's random port is known only once it has started. */
    private synchronized RestClient http() {
        if (http == null) {
            http = RestClient.builder().baseUrl(baseUrl())
                    .defaultStatusHandler(status -> true, (request, response) -> {
                    })
                    .build();
        }
        return http;
    }

    /** The platform's own address, for requests RestClient would not send as they are (chunked, raw). */
    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public record Response(int status, JsonNode body, HttpHeaders headers) {
    }

    public Response get(String user, String path) {
        return exchange(http().get().uri(path), user);
    }

    /** A GET with a raw Authorization token, for tokens no Keycloak user would have. */
    public Response getWithToken(String token, String path) {
        return exchange(http().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token), null);
    }

    public Response post(String user, String path, Object body) {
        return exchange(http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), user);
    }

    /** A POST with headers of its own (a reverse proxy's X-Request-Id, say). */
    public Response post(String user, String path, Object body, HttpHeaders headers) {
        return exchange(http().post().uri(path).headers(h -> h.addAll(headers)).contentType(MediaType.APPLICATION_JSON)
                .body(body), user);
    }

    public Response put(String user, String path, Object body) {
        return exchange(http().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), user);
    }

    public Response delete(String user, String path) {
        return exchange(http().delete().uri(path), user);
    }

    public Response upload(String user, String filename, byte[] content, MediaType type) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, partHeaders));
        return exchange(http().post().uri("/api/materials").contentType(MediaType.MULTIPART_FORM_DATA).body(body), user);
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request, String user) {
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user));
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? json.nullNode() : readOrText(bytes);
            return new Response(res.getStatusCode().value(), body, res.getHeaders());
        });
    }

    private JsonNode readOrText(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (java.io.IOException e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** An access token for a demo user (password demo), cached for the run. */
    public static String token(String user) {
        // Access tokens live 15 minutes; a long run fetches a new one well before that.
        return TOKENS.compute(user, (u, t) -> t != null && t.fetched().isAfter(Instant.now().minusSeconds(600)) ? t
                : new Token(fetchToken(u), Instant.now())).value();
    }

    /** A multipart/form-data body with one part, `file`, as a browser uploads a file. */
    public static byte[] multipartFile(String boundary, String filename, String contentType, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length + 300);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A demo user's sign-in as the web app's users do it (password grant of onething-web) at a Keycloak. */
    public static HttpRequest.Builder passwordGrant(String keycloak, String user) {
        String form = "grant_type=password&client_id=onething-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo&scope=openid";
        return HttpRequest.newBuilder(URI.create(keycloak + "/realms/onething/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static String fetchToken(String user) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(passwordGrant(KEYCLOAK, user).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
