package cn.onething.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    /** Stands in for Spring's decoder: accepts tokens named "good…", with the expiry the test set. */
    static final class Verifier implements JwtDecoder {
        final List<String> asked = new ArrayList<>();
        Instant expiresAt = Instant.now().plusSeconds(300);

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            if (!token.startsWith("good") || !Instant.now().isBefore(expiresAt)) {
                throw new BadJwtException("refused: " + token);
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("citizen1")
                    .issuedAt(Instant.now().minusSeconds(1)).expiresAt(expiresAt).build();
        }
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileValid() {
        Verifier verifier = new Verifier();
        JwtDecoder decoder = wrap(verifier);

        Jwt first = decoder.decode("good-1");
        Jwt again = decoder.decode("good-1");
        decoder.decode("good-2");

        assertThat(again).isSameAs(first);
        assertThat(verifier.asked).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        Verifier verifier = new Verifier();
        JwtDecoder decoder = wrap(verifier);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.asked).containsExactly("forged", "forged");
    }

    @Test
    void aKeptTokenThatHasExpiredGoesBackToTheVerifier() {
        Verifier verifier = new Verifier();
        verifier.expiresAt = Instant.now().plusMillis(300);
        JwtDecoder decoder = wrap(verifier);
        decoder.decode("good-short");

        await(verifier.expiresAt);

        assertThatThrownBy(() -> decoder.decode("good-short")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.asked).containsExactly("good-short", "good-short");
    }

    @Test
    void onlyTheDecoderIsWrapped() {
        VerifiedTokens tokens = new VerifiedTokens();
        Object other = new Object();
        Object wrapped = tokens.postProcessAfterInitialization(new Verifier(), "jwtDecoder");

        assertThat(tokens.postProcessAfterInitialization(other, "other")).isSameAs(other);
        assertThat(wrapped).isInstanceOf(VerifiedTokens.Decoder.class);
        assertThat(tokens.postProcessAfterInitialization(wrapped, "jwtDecoder")).isSameAs(wrapped);
    }

    private static JwtDecoder wrap(JwtDecoder verifier) {
        return (JwtDecoder) new VerifiedTokens().postProcessAfterInitialization(verifier, "jwtDecoder");
    }

    private static void await(Instant instant) {
        while (!Instant.now().isAfter(instant)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
