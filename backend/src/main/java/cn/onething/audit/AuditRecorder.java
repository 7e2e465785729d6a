package cn.onething.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Appends an audit entry at the end of every signed-in write to the API (POST, PUT, PATCH, DELETE), refused ones
 * too: the user, the route, the status, the client's address (the proxy's X-Forwarded-For first) and the request
 * id. No bodies: they hold personal data.
 */
@Component
class AuditRecorder implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;
    private final Clock clock;
    // a database busy or away for a moment must not cost the entry of a write already done
    private final RetryTemplate retry = RetryTemplate.builder().maxAttempts(4).exponentialBackoff(100, 2, 1000)
            .retryOn(DataAccessException.class).build();

    AuditRecorder(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (!WRITES.contains(request.getMethod()) || !(who instanceof JwtAuthenticationToken token)) {
            return;
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority a : token.getAuthorities()) {
            roles.add(a.getAuthority().replaceFirst("^ROLE_", ""));
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            AuditLog.Entry entry = new AuditLog.Entry(0, OffsetDateTime.now(clock), token.getToken().getSubject(),
                    token.getName(), String.join(",", roles), request.getMethod(), clip(request.getRequestURI(), 500),
                    route == null ? null : clip(route.toString(), 300),
                    ex != null && response.getStatus() < 400 ? 500 : response.getStatus(), clientIp(request),
                    MDC.get("requestId"));
            retry.execute(attempt -> {
                audit.append(entry);
                return null;
            });
        } catch (RuntimeException e) {
            // the write itself is done; a lost entry is reported, not turned into the user's error
            log.error("audit entry not written for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private static String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0].strip();
        return clip(ip, 64);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
