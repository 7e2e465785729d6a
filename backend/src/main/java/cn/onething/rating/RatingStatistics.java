package cn.onething.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries behind the rating dashboards. The figures come from rating_day (see {@link RatingDays});
 * the same queries can run on the rating table itself ({@link Source#RAW}), which the benchmark uses as
 * its baseline and to check that both agree.
 */
@Repository
class RatingStatistics {

    /** Where the sums come from: the pre-aggregate, or the ratings one by one. */
    enum Source {
        DAYS("rating_day", "officer", "sum(ratings)", "sum(good)", "sum(bad)", "sum(level_sum)"),
        RAW("rating", "coalesce(officer, '')", "count(*)", "sum(case when level >= 4 then 1 else 0 end)",
                "sum(case when bad then 1 else 0 end)", "sum(level)");

        final String table;
        final String officer;
        final String aggregates;

        Source(String table, String officer, String ratings, String good, String bad, String levelSum) {
            this.table = table;
            this.officer = officer;
            this.aggregates = ratings + ", " + good + ", " + bad + ", " + levelSum;
        }

        /** The column a dimension groups by. */
        String column(Dimension by) {
            return by == Dimension.OFFICER ? officer : by.column;
        }
    }

    /** What the dashboard groups by (the API's {@code by}). */
    enum Dimension {
        DEPARTMENT("department"), BUNDLE("bundle_code"), ITEM("subject"), OFFICER("officer"), CHANNEL("channel");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** A period (both days included) and the optional filters; null means any. */
    record Filter(LocalDate from, LocalDate to, String department, String bundle, String item, String officer,
            String channel) {
    }

    record Sums(String key, long ratings, long good, long bad, long levelSum) {
    }

    record DaySums(LocalDate day, long ratings, long good, long levelSum) {
    }

    private final JdbcClient jdbc;

    RatingStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Sums> groups(Source source, Filter filter, Dimension by) {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = source.column(by);
        return jdbc.sql("select " + key + ", " + source.aggregates + " from " + source.table
                + where(source, filter, params) + " group by " + key)
                .params(params)
                .query((rs, n) -> new Sums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    List<DaySums> trend(Source source, Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select rated_on, " + source.aggregates + " from " + source.table
                + where(source, filter, params) + " group by rated_on order by rated_on")
                .params(params)
                .query((rs, n) -> new DaySums(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(5)))
                .list();
    }

    private static String where(Source source, Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where rated_on between :from and :to");
        params.put("from", f.from());
        params.put("to", f.to());
        if (f.department() != null) {
            where.append(" and department = :department");
            params.put("department", f.department());
        }
        if (f.bundle() != null) {
            where.append(" and bundle_code = :bundle");
            params.put("bundle", f.bundle());
        }
        if (f.item() != null) {
            where.append(" and subject = :item");
            params.put("item", f.item());
        }
        if (f.officer() != null) {
            // plain column on both sources: rating's index (department, officer, rated_at) applies
            where.append(" and officer = :officer");
            params.put("officer", f.officer());
        }
        if (f.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", f.channel());
        }
        return where.toString();
    }

    // ---- the ratings behind a figure ----

    record Line(String id, String caseId, String subject, String itemCode, String channel, String bundleCode,
            String department, String officer, int level, boolean bad, String reason, String comment,
            OffsetDateTime ratedAt, String rectificationStatus) {
    }

    List<Line> ratings(Filter filter, Boolean bad, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(Source.RAW, filter, params) + bad(bad, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                select id, case_id, subject, item_code, channel, bundle_code, department, officer, level, bad, reason,
                       comment, rated_at, rectification_status
                from rating""" + where + " order by rated_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class),
                        rs.getString(14)))
                .list();
    }

    long countRatings(Filter filter, Boolean bad) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(Source.RAW, filter, params) + bad(bad, params);
        return jdbc.sql("select count(*) from rating" + where).params(params).query(Long.class).single();
    }

    private static String bad(Boolean bad, Map<String, Object> params) {
        if (bad == null) {
            return "";
        }
        params.put("bad", bad);
        return " and bad = :bad";
    }

    // ---- rectification ----

    /**
     * The bad ratings of a period by department (department null: all of them). {@code overdue} counts
     * those with an OVERDUE event, {@code closedOnTime} the closed ones without one; the median is over
     * the closed ones, from the rating to its 销号, in hours.
     */
    record RectificationSums(String department, long open, long closed, long excluded, long overdue,
            long closedOnTime, Double medianHoursToClose) {
    }

    /**
     * One pass over the period's bad ratings (on PostgreSQL an index-only scan of
     * rating_rectification_period), summed per department and, for the overall median, once more in all.
     */
    private static final String RECTIFICATIONS = """
            with b as (
                select r.department, r.rectification_status as status, o.rating_id as overdue,
                       case when r.rectification_status = 'CLOSED'
                            then cast(extract(epoch from r.closed_at) - extract(epoch from r.rated_at) as double precision)
                                 / 3600 end as hours
                from rating r
                left join (select distinct rating_id from rating_event where type = 'OVERDUE') o on o.rating_id = r.id
                where r.rectification_status is not null and r.rated_on between :from and :to)
            select department, %1$s from b group by department
            union all
            select cast(null as varchar(64)), %1$s from b""".formatted("""
            sum(case when status in ('CLOSED', 'EXCLUDED') then 0 else 1 end),
                   sum(case when status = 'CLOSED' then 1 else 0 end),
                   sum(case when status = 'EXCLUDED' then 1 else 0 end),
                   sum(case when overdue is null then 0 else 1 end),
                   sum(case when status = 'CLOSED' and overdue is null then 1 else 0 end),
                   percentile_cont(0.5) within group (order by hours)""");

    List<RectificationSums> rectifications(LocalDate from, LocalDate to) {
        return jdbc.sql(RECTIFICATIONS).param("from", from).param("to", to)
                .query((rs, n) -> new RectificationSums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getObject(7) == null ? null : rs.getDouble(7)))
                .list();
    }

    /**
     * Of these ratings, the departments of those rated in the period, still open and without an OVERDUE
     * event (the ones whose overdue step the engine's escalation timer has not reported yet).
     */
    List<String> openWithoutOverdueEvent(Collection<String> ratingIds, LocalDate from, LocalDate to) {
        List<String> departments = new ArrayList<>();
        List<String> ids = List.copyOf(ratingIds);
        for (int i = 0; i < ids.size(); i += 500) {
            departments.addAll(jdbc.sql("""
                    select department from rating r
                    where r.id in (:ids) and r.rated_on between :from and :to
                      and r.rectification_status not in ('CLOSED', 'EXCLUDED')
                      and not exists (select 1 from rating_event e where e.rating_id = r.id and e.type = 'OVERDUE')""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).param("from", from).param("to", to)
                    .query(String.class).list());
        }
        return departments;
    }
}
