package cn.onething.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import cn.onething.ClockConfig;
import cn.onething.bundle.BundleCatalog;
import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.PageQuery;
import cn.onething.web.UnavailableException;

/**
 * Full-text search over cases, tasks, ratings and licences, ranked, highlighted and faceted. Who may see what
 * is a filter inside the query, the same rule as the database's: managers everything, applicants their own,
 * officers their departments' work.
 */
@Service
public class SearchService {

    static final int MAX_QUERY = 100;
    // Elasticsearch's result window: deeper pages need search_after, which nobody pages to by hand
    static final int MAX_WINDOW = 10_000;
    private static final Map<String, String> FACETS = Map.of("type", "type", "department", "departments",
            "status", "status", "bundle", "bundleCode");

    private final SearchIndex index;
    private final SearchRelay relay;
    private final PersonalKeys personal;
    private final BundleCatalog catalog;

    SearchService(SearchIndex index, SearchRelay relay, PersonalKeys personal, BundleCatalog catalog) {
        this.index = index;
        this.relay = relay;
        this.personal = personal;
        this.catalog = catalog;
    }

    public record Criteria(String q, String type, String department, String status, String bundle, LocalDate from,
            LocalDate to, Integer page, Integer size) {
    }

    public record Result(String type, String typeLabel, String id, String title, String summary,
            List<String> highlights, String caseId, String caseNumber, String bundleName, String status,
            List<String> departmentNames, String at) {
    }

    public record Bucket(String value, String label, long count) {
    }

    /** `degraded`: the index may lag behind (Elasticsearch was away, the relay is catching up). */
    public record Answer(List<Result> items, long total, int page, int size, Map<String, List<Bucket>> facets,
            boolean degraded) {
    }

    public Answer search(CurrentUser user, Criteria criteria) {
        PageQuery page = PageQuery.of(criteria.page(), criteria.size(), null, null, java.util.Set.of("score"),
                "score", false);
        String q = criteria.q() == null ? "" : criteria.q().strip();
        List<FieldError> errors = new ArrayList<>();
        if (q.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "maxLength", "搜索内容不能超过 " + MAX_QUERY + " 个字",
                    "q must be at most " + MAX_QUERY + " characters"));
        }
        if (criteria.type() != null && SearchDocType.of(criteria.type()).isEmpty()) {
            errors.add(new FieldError("type", "oneOf", "类型只能是 case、task、rating 或 licence",
                    "type must be case, task, rating or licence"));
        }
        if (criteria.from() != null && criteria.to() != null && criteria.from().isAfter(criteria.to())) {
            errors.add(new FieldError("to", "range", "结束日期不能早于开始日期", "to must not be before from"));
        }
        if (page.offset() + page.size() > MAX_WINDOW) {
            errors.add(new FieldError("page", "max", "只能翻看前 " + MAX_WINDOW + " 条结果，请用更多的词或筛选条件缩小范围",
                    "page × size must stay within the first " + MAX_WINDOW + " results"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        BoolQuery.Builder query = new BoolQuery.Builder().filter(visibleTo(user));
        if (!q.isEmpty()) {
            query.must(matching(q));
        }
        term(query, "type", criteria.type());
        term(query, "departments", criteria.department());
        term(query, "status", criteria.status());
        term(query, "bundleCode", criteria.bundle());
        if (criteria.from() != null || criteria.to() != null) {
            query.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("at").timeZone(ClockConfig.BEIJING.getId());
                if (criteria.from() != null) {
                    u.gte(JsonData.of(criteria.from().toString()));
                }
                if (criteria.to() != null) {
                    u.lte(JsonData.of(criteria.to().toString()));
                }
                return u;
            })));
        }
        try {
            SearchResponse<SearchDocument> response = index.client().search(s -> {
                s.index(index.alias()).query(b -> b.bool(query.build())).from(page.offset()).size(page.size())
                        // equally good matches: the newest first
                        .sort(o -> o.score(sc -> sc.order(SortOrder.Desc))).sort(o -> o.field(f -> f.field("at")
                                .order(SortOrder.Desc)))
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.preTags("<em>").postTags("</em>").fields(
                                NamedValue.of("title", HighlightField.of(f -> f)),
                                NamedValue.of("summary", HighlightField.of(f -> f)),
                                NamedValue.of("text", HighlightField.of(f -> f.numberOfFragments(2)))));
                FACETS.forEach((name, field) -> s.aggregations(name, a -> a.terms(t -> t.field(field).size(50))));
                return s;
            }, SearchDocument.class);
            List<Result> items = response.hits().hits().stream().map(this::result).toList();
            Map<String, List<Bucket>> facets = new LinkedHashMap<>();
            for (String name : List.of("type", "department", "status", "bundle")) {
                facets.put(name, buckets(response.aggregations().get(name), labeller(name)));
            }
            return new Answer(items, response.hits().total() == null ? items.size() : response.hits().total().value(),
                    page.page(), page.size(), facets, !relay.healthy());
        } catch (IOException | ElasticsearchException e) {
            throw new UnavailableException("搜索服务暂时不可用，其他功能不受影响；恢复后索引会自动补齐", e);
        }
    }

    /** Managers see all; everyone else what they own and what their departments work on. */
    private static Query visibleTo(CurrentUser user) {
        if (user.isManager()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<FieldValue> departments = user.departments().stream().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("ownerId").value(user.id())))
                .should(s -> s.terms(t -> t.field("departments").terms(v -> v.value(departments))))));
    }

    /** Words (Chinese, through smartcn), or exactly a number, a credit code, an ID tail, or a whole ID / phone. */
    private Query matching(String q) {
        String upper = q.toUpperCase();
        return Query.of(m -> m.bool(b -> {
            b.minimumShouldMatch("1")
                    // every word must match: a Chinese query's words are few and each narrows it
                    .should(s -> s.multiMatch(mm -> mm.query(q).operator(Operator.And).type(TextQueryType.CrossFields)
                            .fields("title^3", "summary", "text", "names")))
                    .should(s -> s.term(t -> t.field("keys").value(upper).boost(10f)))
                    .should(s -> s.term(t -> t.field("names.exact").value(q).boost(5f)));
            if (upper.matches("\\d{3,5}[\\dX]|\\d{5}[\\dX]")) {
                b.should(s -> s.term(t -> t.field("keys").value("tail:" + upper).boost(5f)));
            }
            if (PersonalKeys.whole(q)) {
                b.should(s -> s.term(t -> t.field("secrets").value(personal.hash(q)).boost(10f)));
            }
            return b;
        }));
    }

    private static void term(BoolQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    private Result result(Hit<SearchDocument> hit) {
        SearchDocument d = hit.source();
        List<String> highlights = hit.highlight().values().stream().flatMap(List::stream).toList();
        return new Result(d.type(), SearchDocType.of(d.type()).map(SearchDocType::label).orElse(d.type()), d.id(),
                d.title(), d.summary(), highlights, d.caseId(), d.caseNumber(), d.bundleName(), d.status(),
                d.departments().stream().map(catalog::departmentName).toList(),
                d.at() == null ? null : d.at().atZone(ClockConfig.BEIJING).toOffsetDateTime().toString());
    }

    private Function<String, String> labeller(String facet) {
        return switch (facet) {
            case "type" -> v -> SearchDocType.of(v).map(SearchDocType::label).orElse(v);
            case "department" -> catalog::departmentName;
            case "bundle" -> v -> catalog.bundle(v).map(b -> b.name()).orElse(v);
            default -> v -> v;
        };
    }

    private static List<Bucket> buckets(Aggregate aggregate, Function<String, String> label) {
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Bucket(b.key().stringValue(), label.apply(b.key().stringValue()), b.docCount()))
                .toList();
    }
}
