package cn.onething.search;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries the outbox into the index, in order, in batches: builds each changed document from the database as
 * it is now, writes them in one bulk request, then deletes the rows. While Elasticsearch is away nothing is
 * lost: the rows wait, the relay retries with a growing pause (1 s to 1 min), and catches up when it returns.
 */
@Component
class SearchRelay {

    private static final Logger log = LoggerFactory.getLogger(SearchRelay.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    private final SearchOutbox outbox;
    private final SearchDocuments documents;
    private final SearchIndex index;
    private final SearchRebuild rebuild;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean ready;
    private volatile Duration pause = Duration.ZERO;
    private volatile Instant nextAttempt = Instant.MIN;

    SearchRelay(SearchOutbox outbox, SearchDocuments documents, SearchIndex index, SearchRebuild rebuild,
            TransactionTemplate transaction, @Value("${onething.search.batch-size:500}") int batchSize) {
        this.rebuild = rebuild;
        this.outbox = outbox;
        this.documents = documents;
        this.index = index;
        this.transaction = transaction;
        this.batchSize = batchSize;
    }

    /** Whether the index is reachable and the relay not failing: search answers as `degraded` otherwise. */
    boolean healthy() {
        return ready && pause.isZero();
    }

    @Scheduled(initialDelayString = "${onething.search.relay-delay:PT2S}", fixedDelayString = "${onething.search.relay-interval:PT1S}")
    void tick() {
        // a real-time pause: it is about Elasticsearch coming back, not about the platform's (test) clock
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        drain();
    }

    /** Indexes everything waiting; false if Elasticsearch failed (the rows stay for the next attempt). */
    boolean drain() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (!ready) {
                // a new index beside a database that has data (search added to a running platform): fill it
                if (index.ensure() && rebuild.hasData()) {
                    rebuild.start();
                }
                ready = true;
            }
            while (relayBatch()) {
                // until the outbox is empty
            }
            pause = Duration.ZERO;
            return true;
        } catch (Exception e) {
            // it may come back empty (a new node): look for the alias again then
            ready = false;
            pause = pause.isZero() ? FIRST_PAUSE : pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                    ? LONGEST_PAUSE : pause.multipliedBy(2);
            nextAttempt = Instant.now().plus(pause);
            log.warn("search index not updated, next attempt in {}: {}", pause, e.toString());
            outbox.failed(e.toString(), OffsetDateTime.now());
            return false;
        } finally {
            running.set(false);
        }
    }

    private boolean relayBatch() throws Exception {
        List<SearchOutbox.Change> changes = outbox.next(batchSize);
        if (changes.isEmpty()) {
            return false;
        }
        long batchMax = changes.get(changes.size() - 1).id();
        // never below what was written before: a row committed late with a small id must still win
        long version = Math.max(batchMax, outbox.lastId());
        Map<SearchDocType, Set<String>> byType = new LinkedHashMap<>();
        changes.forEach(c -> byType.computeIfAbsent(c.type(), t -> new LinkedHashSet<>()).add(c.docId()));
        List<SearchDocument> built = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        // one read of the database for all, consistent within the batch
        transaction.executeWithoutResult(status -> byType.forEach((type, ids) -> {
            List<SearchDocument> found = documents.build(type, ids);
            built.addAll(found);
            Set<String> missing = new LinkedHashSet<>(ids);
            found.forEach(d -> missing.remove(d.id()));
            missing.forEach(id -> gone.add(SearchDocument.documentId(type.code(), id)));
        }));
        index.write(built, gone, version);
        outbox.indexed(changes.stream().map(SearchOutbox.Change::id).toList(), version, OffsetDateTime.now());
        return changes.size() == batchSize;
    }
}
