package cn.onething.search;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import cn.onething.ClockConfig;

/**
 * The one index behind the alias (`onething`); every `onething-*` index gets its settings and mapping from the
 * index template checked in as resources/search/index-template.json (a changed mapping takes effect through a
 * rebuild). Writes are idempotent: a
 * document carries as version the outbox position it was built at (external_gte), so replaying a batch, or a
 * rebuild racing the relay, never puts an older state over a newer one.
 */
@Component
class SearchIndex implements DisposableBean {

    // the template covers onething-*: an alias of another name (a benchmark's) must keep that prefix
    private static final String TEMPLATE = "onething";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ElasticsearchClient client;
    private final Clock clock;
    // an index being rebuilt gets the relay's writes too, so nothing written meanwhile is missing from it
    private final Set<String> alsoWriteTo = ConcurrentHashMap.newKeySet();

    private final String alias;

    SearchIndex(@Value("${onething.search.url}") String url, @Value("${onething.search.alias:onething}") String alias,
            ObjectMapper json, Clock clock) {
        this.alias = alias;
        this.client = ElasticsearchClient.of(b -> b.host(url).jsonMapper(new JacksonJsonpMapper(json.copy())));
        this.clock = clock;
    }

    ElasticsearchClient client() {
        return client;
    }

    /** The alias searches read and the relay writes. */
    String alias() {
        return alias;
    }

    /** Puts the index template, and makes the first index behind the alias when there is none yet (true). */
    boolean ensure() throws IOException {
        try (InputStream template = new ClassPathResource("search/index-template.json").getInputStream()) {
            client.indices().putIndexTemplate(t -> t.withJson(template).name(TEMPLATE));
        }
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return false;
        }
        create(true);
        return true;
    }

    /** A new, empty index (behind the alias or, for a rebuild, not yet); its name. */
    String create(boolean behindAlias) throws IOException {
        String name = alias + "-" + SUFFIX.format(clock.instant().atZone(ClockConfig.BEIJING));
        client.indices().create(c -> behindAlias ? c.index(name).aliases(alias, a -> a.isWriteIndex(true))
                : c.index(name));
        return name;
    }

    /** The indices behind the alias now. */
    Set<String> current() throws IOException {
        return client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
    }

    void alsoWriteTo(String index) {
        alsoWriteTo.add(index);
    }

    /** Puts the rebuilt index behind the alias in one step and drops the old ones. */
    void swap(String rebuilt) throws IOException {
        Set<String> old = current();
        client.indices().updateAliases(u -> {
            old.forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(rebuilt).alias(alias).isWriteIndex(true)));
        });
        alsoWriteTo.remove(rebuilt);
        for (String index : old) {
            client.indices().delete(d -> d.index(index));
        }
    }

    void abandon(String rebuilt) throws IOException {
        alsoWriteTo.remove(rebuilt);
        client.indices().delete(d -> d.index(rebuilt).ignoreUnavailable(true));
    }

    /** Indexes the documents and deletes the gone ones, in the alias's index and any being rebuilt. */
    void write(Collection<SearchDocument> documents, Collection<String> gone, long version) throws IOException {
        List<String> targets = new ArrayList<>(List.of(alias));
        targets.addAll(alsoWriteTo);
        write(targets, documents, gone, version);
    }

    void write(List<String> targets, Collection<SearchDocument> documents, Collection<String> gone, long version)
            throws IOException {
        if (documents.isEmpty() && gone.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (String target : targets) {
            // through the alias only while it exists: an Elasticsearch that lost it must not get an index of its name
            Boolean requireAlias = target.equals(alias) ? Boolean.TRUE : null;
            for (SearchDocument d : documents) {
                bulk.operations(op -> op.index(i -> i.index(target).id(d.documentId()).version(version)
                        .versionType(VersionType.ExternalGte).requireAlias(requireAlias).document(d)));
            }
            for (String id : gone) {
                bulk.operations(op -> op.delete(del -> del.index(target).id(id).version(version)
                        .versionType(VersionType.ExternalGte)));
            }
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // 409: a newer state is there already; 404 of a delete: nothing to delete
                if (item.error() != null && item.status() != 409
                        && !(item.status() == 404 && item.operationType() == OperationType.Delete)) {
                    throw new IOException("indexing " + item.id() + " failed: " + item.error().reason());
                }
            }
        }
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
