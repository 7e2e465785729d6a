package cn.onething.metrics;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The platform's own figures for Prometheus (/actuator/prometheus), beside Spring's request latencies
 * (http_server_requests_seconds): cases started per bundle and tasks completed per process — counted once their
 * transaction commits, so a refused request counts nothing — and, read at each scrape, the open tasks past their
 * due date and how far the search and message outboxes lag.
 */
@Component
public class PlatformMetrics implements MeterBinder {

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<TaskService> tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<TaskService> tasks, JdbcClient jdbc,
            Clock clock) {
        this.registry = registry;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A case filed for the bundle. */
    public void caseStarted(String bundle) {
        afterCommit(() -> Counter.builder("onething.cases.started").description("Cases filed")
                .tag("bundle", bundle).register(registry.getObject()).increment());
    }

    /** A user task of the process completed (an item decided, a step of an inspection or a rectification…). */
    public void taskCompleted(String processKey) {
        afterCommit(() -> Counter.builder("onething.tasks.completed").description("User tasks completed")
                .tag("process", processKey).register(registry.getObject()).increment());
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("onething.tasks.overdue", () -> tasks.getObject().createTaskQuery()
                .dueBefore(Date.from(clock.instant())).count())
                .description("Open user tasks past their due date").register(meters);
        Gauge.builder("onething.outbox.pending", () -> count("select count(*) from search_outbox"))
                .tag("outbox", "search").description("Changes not yet in the search index").register(meters);
        Gauge.builder("onething.outbox.pending", () -> count("select count(*) from outgoing_message where sent_at is null"))
                .tag("outbox", "messages").description("Messages to applicants not yet sent").register(meters);
        Gauge.builder("onething.outbox.oldest.seconds", this::oldestUnsentSeconds).tag("outbox", "messages")
                .description("Age of the oldest message not yet sent (0 when none)").register(meters);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private double oldestUnsentSeconds() {
        return jdbc.sql("select min(created_at) from outgoing_message where sent_at is null")
                .query(java.time.OffsetDateTime.class).optional()
                .map(oldest -> (double) Math.max(0, clock.instant().getEpochSecond() - oldest.toEpochSecond()))
                .orElse(0.0);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
