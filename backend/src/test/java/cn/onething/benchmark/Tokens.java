package cn.onething.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;

/**
 * Real Keycloak access tokens of demo users (password grant, client onething-web, as the browser app's users
 * get them), fetched once before the load and fetched again in the background at half their lifespan (the
 * realm's accessTokenLifespan, 900 s), so that taking one during the load never waits for Keycloak.
 */
final class Tokens implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(5);

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

    /** Signs the user in and plans the next sign-in at half the token's lifespan. */
    private void fetch(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(Api.passwordGrant(Api.KEYCLOAK, user).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        tokens.put(user, body.get("access_token").asText());
        refreshIn(user, Duration.ofSeconds(Math.max(5, body.path("expires_in").asLong(300) / 2)));
    }

    private void refreshIn(String user, Duration delay) {
        refresh.schedule(() -> {
            try {
                fetch(user);
            } catch (IOException | RuntimeException e) {
                System.err.println("token refresh for " + user + " failed, retrying: " + e);
                refreshIn(user, RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, delay.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        refresh.shutdownNow();
    }
}
