package cn.onething.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import cn.onething.bundle.BundleCatalog;

/**
 * The API is an OAuth2 resource server on Keycloak's tokens. Camunda's own web apps (/camunda) keep
 * their own login; Camunda's REST API is for administrators only.
 */
@Configuration
public class SecurityConfig implements WebMvcConfigurer {

    private final BundleCatalog catalog;
    private final SecurityProblems problems;

    SecurityConfig(BundleCatalog catalog, SecurityProblems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // Path matchers, not MVC ones: Camunda's REST API is a Jersey servlet outside Spring MVC.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher engineRest = path.matcher("/engine-rest/**");
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), engineRest, path.matcher("/v3/api-docs/**"),
                        path.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        // health for the probes, figures for Prometheus: no personal data, only counts; a deployment
                        // keeps /actuator off its public reverse proxy
                        .requestMatchers(path.matcher("/v3/api-docs/**"), path.matcher("/actuator/health/**"),
                                path.matcher("/actuator/info"), path.matcher("/actuator/prometheus")).permitAll()
                        // the QR code on an electronic licence: anyone may check that it holds
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/licences/*/verify")).permitAll()
                        .requestMatchers(engineRest).hasRole(Role.ADMIN)
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Keycloak's signing keys, fetched again every `onething.security.keys-refresh` and at once for a key
     * not seen before (a rotation), are kept through a Keycloak outage of up to
     * `onething.security.keys-outage-tolerance`: tokens it issued before going down keep working until
     * they expire. Nimbus does all of this; Spring Boot's default keeps them five minutes only.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer outageTolerantKeys(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${onething.security.keys-refresh:5m}") Duration refresh,
            @Value("${onething.security.keys-outage-tolerance:12h}") Duration outageTolerance) throws Exception {
        // Nimbus refuses a time to live shorter than its refresh-ahead time plus refresh timeout (30 s + 15 s): a
        // refresh of less than 45 s would stop start-up, so both shrink with a short refresh (defaults from 45 s up)
        long timeToLive = refresh.toMillis();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL())
                .cache(timeToLive, Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, timeToLive / 3))
                .refreshAheadCache(Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, timeToLive / 3), false)
                // a rotated key is fetched on first sight, however soon after the last fetch
                .rateLimited(false)
                .outageTolerant(outageTolerance.toMillis())
                .build();
        return builder -> builder.jwtProcessorCustomizer(
                processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys)));
    }

    private Converter<Jwt, AbstractAuthenticationToken> realmRoles() {
        return jwt -> {
            CurrentUser user = CurrentUser.of(jwt, catalog::departmentsUnder);
            List<SimpleGrantedAuthority> authorities = user.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, user.username());
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver(catalog));
    }
}
