package cn.onething.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;

/**
 * The platform's users over HTTP, against any node: each request carries a real Keycloak access token, fetched
 * with the password grant through the test's proxy in front of Keycloak (so that a login during a Keycloak outage
 * fails as it would for a user).
 */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String keycloak;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Client(String keycloak) {
        this.keycloak = keycloak;
    }

    /** An answer; status 0 and the exception when none came (connection refused or reset, timeout). */
    record Reply(int status, HttpHeaders headers, String body, Exception error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer: " + error
                    : status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    /** A user's token, logged in once for the run (access tokens live 15 minutes: longer than the test). */
    String token(String user) {
        return tokens.computeIfAbsent(user, this::login);
    }

    /** A new login (password grant of the web client) through the proxy; throws when Keycloak cannot be reached. */
    String login(String user) {
        HttpResponse<String> r;
        try {
            r = http.send(Api.passwordGrant(keycloak, user).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoginFailed(user + " cannot sign in: Keycloak is unreachable at " + keycloak + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailed(user + " cannot sign in: interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new LoginFailed(user + " cannot sign in: Keycloak answered " + r.statusCode() + " " + r.body(), null);
        }
        try {
            return JSON.readTree(r.body()).get("access_token").asText();
        } catch (JsonProcessingException e) {
            throw new LoginFailed(user + " cannot sign in: " + r.body(), e);
        }
    }

    static final class LoginFailed extends RuntimeException {
        LoginFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Reply get(Node node, String user, String path) {
        return send(request(node, user, path).GET());
    }

    Reply post(Node node, String user, String path, Object body) {
        return send(request(node, user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Reply put(Node node, String user, String path, Object body) {
        return send(request(node, user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** POST /api/materials, multipart as a browser sends it. */
    Reply upload(Node node, String user, String filename, byte[] content, String contentType) {
        String boundary = "----onething" + UUID.randomUUID();
        return send(request(node, user, "/api/materials").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Api.multipartFile(boundary, filename, contentType, content))));
    }

    /** A GET with a token the caller holds (taken before an outage). */
    Reply getWithToken(Node node, String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token).GET());
    }

    private HttpRequest.Builder request(Node node, String user, String path) {
        return HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token(user));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body(), null);
        } catch (IOException e) {
            return new Reply(0, null, "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, "", e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
