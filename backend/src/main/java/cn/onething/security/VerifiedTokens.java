package cn.onething.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps each access token's verification for a minute: a user's page sends several requests with one token,
 * and checking its RSA signature and claims for every request was a seventh of the API's work under load.
 * A kept token counts as verified only before it expires; after that, and for any token not seen in the last
 * minute, Spring's decoder (Keycloak's keys, issuer, timestamps) decides. Tokens it refuses are not kept.
 */
@Component
class VerifiedTokens implements BeanPostProcessor {

    private static final Duration KEPT = Duration.ofMinutes(1);
    private static final int MOST = 10_000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof Decoder) ? new Decoder(decoder) : bean;
    }

    static final class Decoder implements JwtDecoder {

        private final JwtDecoder verifier;
        private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MOST).expireAfterWrite(KEPT)
                .build();

        Decoder(JwtDecoder verifier) {
            this.verifier = verifier;
        }

        @Override
        public Jwt decode(String token) {
            Jwt kept = verified.getIfPresent(token);
            if (kept != null && kept.getExpiresAt() != null && Instant.now().isBefore(kept.getExpiresAt())) {
                return kept;
            }
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
    }
}
