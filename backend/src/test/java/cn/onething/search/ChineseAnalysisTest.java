package cn.onething.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;

import cn.onething.testsupport.TestServers;

/**
 * Chinese full-text search on the project's real Elasticsearch (bin/elasticsearch): with the smartcn analyzer,
 * text is split into words, so a search for 出生 or 许可证 finds the documents containing that word — what
 * search over cases, tasks, ratings and licences (issue 8) builds on. No Spring context.
 */
class ChineseAnalysisTest {

    /** A licence as the search index holds it. */
    record Licence(String code, String name) {
    }

    private static final String INDEX = "test-chinese-analysis-" + UUID.randomUUID();
    private static final List<Licence> LICENCES = List.of(
            new Licence("birth-medical-certificate", "出生医学证明"),
            new Licence("radiation-licence", "放射诊疗许可证"),
            new Licence("public-place-hygiene-licence", "公共场所卫生许可证"),
            new Licence("medical-institution-licence", "医疗机构执业许可证"));

    private static ElasticsearchClient client;

    @BeforeAll
    static void indexLicences() throws Exception {
        String url = TestServers.elasticsearchUrl();
        client = ElasticsearchClient.of(b -> b.host(url));
        client.indices().create(c -> c.index(INDEX)
                .mappings(m -> m
                        .properties("code", p -> p.keyword(k -> k))
                        .properties("name", p -> p.text(t -> t.analyzer("smartcn")))));
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
        for (Licence licence : LICENCES) {
            bulk.operations(o -> o.index(i -> i.id(licence.code()).document(licence)));
        }
        assertThat(client.bulk(bulk.build()).errors()).isFalse();
        client.indices().refresh(r -> r.index(INDEX));
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        if (client != null) {
            client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
            client.close();
        }
    }

    @Test
    void smartcnSplitsTextIntoWords() throws IOException {
        List<String> tokens = client.indices().analyze(a -> a.analyzer("smartcn").text("出生医学证明"))
                .tokens().stream().map(AnalyzeToken::token).toList();

        assertThat(tokens).containsExactly("出生", "医学", "证明");
    }

    @Test
    void aWordFindsTheLicencesContainingIt() throws IOException {
        assertThat(search("出生")).containsExactly("出生医学证明");
        assertThat(search("放射")).containsExactly("放射诊疗许可证");
        assertThat(search("许可证")).containsExactlyInAnyOrder("放射诊疗许可证", "公共场所卫生许可证", "医疗机构执业许可证");
    }

    /** The names of the licences matching all words of the query. */
    private static List<String> search(String words) throws IOException {
        return client.search(s -> s.index(INDEX)
                        .query(q -> q.match(m -> m.field("name").query(words).operator(Operator.And))),
                        Licence.class)
                .hits().hits().stream().map(Hit::source).map(Licence::name).toList();
    }
}
