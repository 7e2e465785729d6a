package cn.onething.search;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness of search (component `search`): DEGRADED, not DOWN, while Elasticsearch is away — cases and tasks work
 * on, search answers from what it has, and the outbox catches up by itself once Elasticsearch is back.
 */
@Component
class SearchHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "搜索索引暂不可用或落后，恢复后自动补齐");

    private final SearchRelay relay;
    private final SearchOutbox outbox;

    SearchHealthIndicator(SearchRelay relay, SearchOutbox outbox) {
        this.relay = relay;
        this.outbox = outbox;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SearchOutbox.Position position = outbox.position();
        builder.status(relay.healthy() ? Status.UP : DEGRADED).withDetail("pending", position.pending());
        if (position.failingSince() != null) {
            builder.withDetail("failingSince", position.failingSince().toString());
        }
    }
}
