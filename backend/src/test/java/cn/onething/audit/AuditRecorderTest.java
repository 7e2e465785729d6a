package cn.onething.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class AuditRecorderTest {

    /** The audit table as a list, unreachable for the first `unreachable` appends. */
    static final class FlakyLog extends AuditLog {
        final List<Entry> entries = new ArrayList<>();
        int unreachable;
        int attempts;

        FlakyLog(int unreachable) {
            super(null);
            this.unreachable = unreachable;
        }

        @Override
        void append(Entry e) {
            attempts++;
            if (unreachable-- > 0) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
            }
            entries.add(e);
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDatabaseAwayForAMomentDoesNotCostTheEntryOfAWrite() {
        FlakyLog log = new FlakyLog(2);
        record(log, "POST", 201);

        assertThat(log.attempts).isEqualTo(3);
        assertThat(log.entries).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("citizen1");
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.status()).isEqualTo(201);
        });
    }

    @Test
    void aDatabaseAwayForLongIsReportedNotThrownAtTheUser() {
        FlakyLog log = new FlakyLog(100);
        record(log, "POST", 201);

        assertThat(log.attempts).isEqualTo(4);
        assertThat(log.entries).isEmpty();
    }

    @Test
    void readsAreNotAudited() {
        FlakyLog log = new FlakyLog(0);
        record(log, "GET", 200);

        assertThat(log.attempts).isZero();
    }

    private static void record(AuditLog log, String method, int status) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_citizen")), "citizen1"));
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/cases");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        new AuditRecorder(log, Clock.systemUTC()).afterCompletion(request, response, null, null);
    }
}
