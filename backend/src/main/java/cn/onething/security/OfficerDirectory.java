package cn.onething.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import cn.onething.web.UnavailableException;

/**
 * The officers of each department, read from Keycloak's Admin REST API: the realm is the one directory, the
 * platform keeps no copy. The backend reads it with its own service account (realm-management view-users and
 * query-groups, nothing more); answers are kept a minute, so a change in Keycloak shows within one.
 */
@Service
public class OfficerDirectory {

    /**
     * An enabled user with realm role officer. The name is what their token's `name` claim says (Keycloak's
     * first and last name), the departments are their groups (a group's name is the department code).
     */
    public record Officer(String username, String name, Set<String> departments, boolean lead) {
    }

    /** The spring.security.oauth2.client registration of the backend's service account. */
    static final String REGISTRATION = "keycloak";
    private static final Duration KEPT = Duration.ofSeconds(60);
    private static final int PAGE = 100;

    private final RestClient keycloak;
    private final Map<String, Kept<List<Officer>>> departments = new ConcurrentHashMap<>();
    private final Map<String, Kept<Optional<Officer>>> officers = new ConcurrentHashMap<>();

    OfficerDirectory(RestClient.Builder rest, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients, @Value("${onething.keycloak.admin-url}") String adminUrl) {
        // Short timeouts: a Keycloak that hangs must not hold a request thread (the caller gets a 503).
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
                .build(ClientHttpRequestFactorySettings.defaults().withTimeouts(Duration.ofSeconds(2),
                        Duration.ofSeconds(5)));
        RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokens)).build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        // The platform's token whoever is signed in, not one per user as the default principal would keep.
        Authentication platform = new AnonymousAuthenticationToken(REGISTRATION, "onething-backend",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        interceptor.setPrincipalResolver(request -> platform);
        // A token Keycloak no longer takes (it restarted with new keys) is dropped: the next call gets a new one.
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        this.keycloak = rest.baseUrl(adminUrl).requestFactory(requests).requestInterceptor(interceptor).build();
    }

    /** The officers among the direct members of a department's group (not those of its sub-departments). */
    public List<Officer> members(String department) {
        return kept(departments, department, code -> call(() -> {
            Optional<KeycloakGroup> group = group(code);
            if (group.isEmpty()) {
                return List.of();
            }
            List<Officer> found = new ArrayList<>();
            for (int first = 0;; first += PAGE) {
                List<KeycloakUser> page = keycloak.get()
                        .uri("/groups/{id}/members?briefRepresentation=true&first={first}&max={max}",
                                group.get().id(), first, PAGE)
                        .retrieve().body(new ParameterizedTypeReference<List<KeycloakUser>>() { });
                page.forEach(user -> kept(officers, user.username(), username -> officer(user))
                        .ifPresent(found::add));
                if (page.size() < PAGE) {
                    return List.copyOf(found);
                }
            }
        }));
    }

    /** The officer with this username; empty for no such user, a disabled one or one who is no officer. */
    public Optional<Officer> officer(String username) {
        return kept(officers, username, name -> call(() -> keycloak.get()
                .uri("/users?username={username}&exact=true&briefRepresentation=true", name)
                .retrieve().body(new ParameterizedTypeReference<List<KeycloakUser>>() { })
                .stream().filter(u -> u.username().equalsIgnoreCase(name)).findFirst()
                .flatMap(this::officer)));
    }

    /** What people call the officer: their name; the username while the directory cannot say. */
    public String nameOf(String username) {
        try {
            return officer(username).map(Officer::name).orElse(username);
        } catch (UnavailableException e) {
            return username;
        }
    }

    private Optional<Officer> officer(KeycloakUser user) {
        if (!user.enabled()) {
            return Optional.empty();
        }
        // Effective roles (also those from groups and composite roles), as the token's realm_access lists them.
        Set<String> roles = names(keycloak.get().uri("/users/{id}/role-mappings/realm/composite", user.id()));
        if (!roles.contains(Role.OFFICER)) {
            return Optional.empty();
        }
        Set<String> groups = names(keycloak.get().uri("/users/{id}/groups?briefRepresentation=true", user.id()));
        return Optional.of(new Officer(user.username(), user.name(), groups, roles.contains(Role.LEAD)));
    }

    /** The group named by a department code, at any depth of the tree. */
    private Optional<KeycloakGroup> group(String code) {
        List<KeycloakGroup> matches = keycloak.get()
                .uri("/groups?search={code}&exact=true&briefRepresentation=true", code)
                .retrieve().body(new ParameterizedTypeReference<List<KeycloakGroup>>() { });
        // The search answers the matches inside the tree of their top-level groups.
        return matches.stream().flatMap(KeycloakGroup::withDescendants).filter(g -> g.name().equals(code))
                .findFirst();
    }

    private static Set<String> names(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().body(new ParameterizedTypeReference<List<Named>>() { }).stream()
                .map(Named::name).collect(Collectors.toUnmodifiableSet());
    }

    private static <T> T call(Supplier<T> request) {
        try {
            try {
                return request.get();
            } catch (HttpClientErrorException.Unauthorized staleToken) {
                return request.get(); // the failure handler dropped the token: this try fetches a new one
            }
        } catch (RestClientException | OAuth2AuthorizationException e) {
            throw new UnavailableException("人员目录（Keycloak）暂时不可用，请稍后再试", e);
        }
    }

    private static <V> V kept(Map<String, Kept<V>> cache, String key, Function<String, V> load) {
        long now = System.nanoTime();
        Kept<V> kept = cache.get(key);
        if (kept == null || now - kept.until() > 0) {
            cache.values().removeIf(k -> now - k.until() > 0); // what nobody asked for again
            kept = new Kept<>(load.apply(key), now + KEPT.toNanos());
            cache.put(key, kept);
        }
        return kept.value();
    }

    private record Kept<V>(V value, long until) {
    }

    record KeycloakUser(String id, String username, String firstName, String lastName, boolean enabled) {

        /** As Keycloak's full-name mapper writes the token's `name` claim; the username without either. */
        String name() {
            String name = Stream.of(firstName, lastName).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(" "));
            return name.isEmpty() ? username : name;
        }
    }

    record KeycloakGroup(String id, String name, List<KeycloakGroup> subGroups) {

        Stream<KeycloakGroup> withDescendants() {
            return Stream.concat(Stream.of(this), subGroups == null ? Stream.empty()
                    : subGroups.stream().flatMap(KeycloakGroup::withDescendants));
        }
    }

    record Named(String name) {
    }
}
