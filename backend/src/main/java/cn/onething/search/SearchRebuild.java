package cn.onething.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.web.ConflictException;

/**
 * Rebuilds the index from the database without downtime: a new index is filled page by page while search
 * keeps answering from the old one and the relay writes to both, then the alias moves to the new one in one
 * step. One rebuild at a time; its progress is readable while it runs.
 */
@Component
class SearchRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);
    private static final int PAGE = 500;

    private final SearchIndex index;
    private final SearchDocuments documents;
    private final SearchOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "search-rebuild"));
    private volatile Progress progress = new Progress(false, null, 0, 0, null, null, null);

    SearchRebuild(SearchIndex index, SearchDocuments documents, SearchOutbox outbox, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.index = index;
        this.documents = documents;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public record Progress(boolean running, String index, long done, long total, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error) {
    }

    Progress progress() {
        return progress;
    }

    synchronized Progress start() {
        if (progress.running()) {
            throw new ConflictException("索引正在重建中（已完成 " + progress.done() + " / " + progress.total() + "），请等待完成");
        }
        progress = new Progress(true, null, 0, total(), OffsetDateTime.now(), null, null);
        worker.execute(this::run);
        return progress;
    }

    private void run() {
        String target = null;
        try {
            target = index.create(false);
            index.alsoWriteTo(target);
            // as old as the relay's last write: whatever the relay writes from now on wins over the rebuild's
            long version = outbox.lastId();
            long done = 0;
            for (SearchDocType type : SearchDocType.values()) {
                String after = "";
                while (true) {
                    String from = after;
                    List<SearchDocument> page = transaction.execute(s -> documents.build(type,
                            documents.ids(type, from, PAGE)));
                    if (page.isEmpty()) {
                        break;
                    }
                    index.write(List.of(target), page, List.of(), version);
                    done += page.size();
                    after = page.get(page.size() - 1).id();
                    progress = new Progress(true, target, done, progress.total(), progress.startedAt(), null, null);
                }
            }
            index.swap(target);
            progress = new Progress(false, target, done, progress.total(), progress.startedAt(), OffsetDateTime.now(),
                    null);
        } catch (Exception e) {
            log.error("search index rebuild failed", e);
            if (target != null) {
                try {
                    index.abandon(target);
                } catch (Exception ignored) {
                    // the old index stays behind the alias either way
                }
            }
            progress = new Progress(false, target, progress.done(), progress.total(), progress.startedAt(),
                    OffsetDateTime.now(), e.toString());
        }
    }

    boolean hasData() {
        return total() > 0;
    }

        private long total() {
        return jdbc.sql("select (select count(*) from case_file) + (select count(*) from rating)"
                + " + (select count(*) from licence)").query(Long.class).single()
                + jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
