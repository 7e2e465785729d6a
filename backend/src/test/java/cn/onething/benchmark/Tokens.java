package cn.onething.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real Keycloak access tokens of demo users (password grant, client onething-web, as the browser app's users
 * get them), fetched once before the load and fetched again in the background at half their lifespan (the
 * realm's accessTokenLifespan, 900 s), so that taking one during the load never waits for Keycloak.
 */
final class Tokens implements AutoCloseable {

    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-refresh");
        t.setDaemon(true);
        return t;
    });

    Tokens(Collection<String> users) throws IOException, InterruptedException {
        for (String user : users) {
            fetch(user);
        }
    }

    String of(String user) {
        String token = tokens.get(user);
        if (token == null) {
            throw new IllegalStateException("no token for " + user);
        }
        return token;
    }

    private void fetch(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=onething-web&scope=openid&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/onething/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        tokens.put(user, body.get("access_token").asText());
        long lifespan = body.path("expires_in").asLong(300);
        refresh.schedule(() -> {
            try {
                fetch(user);
            } catch (IOException | RuntimeException e) {
                System.err.println("token refresh for " + user + " failed, retrying: " + e);
                refresh.schedule(() -> retry(user), 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Math.max(5, lifespan / 2), TimeUnit.SECONDS);
    }

    private void retry(String user) {
        try {
            fetch(user);
        } catch (IOException | RuntimeException e) {
            refresh.schedule(() -> retry(user), 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        refresh.shutdownNow();
    }
}
