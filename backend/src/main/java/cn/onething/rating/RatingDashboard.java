package cn.onething.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;
import cn.onething.casefile.CaseFileService;
import cn.onething.rating.RatingStatistics.DaySums;
import cn.onething.rating.RatingStatistics.Dimension;
import cn.onething.rating.RatingStatistics.Filter;
import cn.onething.rating.RatingStatistics.Line;
import cn.onething.rating.RatingStatistics.RectificationSums;
import cn.onething.rating.RatingStatistics.Source;
import cn.onething.rating.RatingStatistics.Sums;
import cn.onething.rating.RatingViews.Channel;
import cn.onething.rating.RatingViews.RectificationStatus;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/**
 * 好差评 dashboards for managers: 好评率 and average level by department, bundle, item, officer or channel
 * with the daily trend (summed from rating_day), the ratings behind a figure (the drill-down's last
 * level), and how rectification goes per department.
 */
@Service
class RatingDashboard {

    /** The longest period one question may cover: a (leap) year. */
    static final int MAX_DAYS = 366;
    /** The period when none is asked for: the last 30 days up to today. */
    static final int DEFAULT_DAYS = 30;

    static final Map<Channel, String> CHANNEL_NAMES = Map.of(Channel.ITEM, "一事一评", Channel.CASE, "一次一评",
            Channel.SUPERVISOR, "监督查评");
    /** The group of ratings of a whole case (subject 'case'), by item. */
    static final String CASE_SUBJECT_NAME = "整件办理（一次一评）";
    /** The group of ratings that name no officer (ratings of a whole case), by officer. */
    static final String NO_OFFICER_NAME = "未关联经办人（整件评价）";

    private final RatingStatistics statistics;
    private final RectificationLateness lateness;
    private final BundleCatalog catalog;
    private final CaseFileService cases;
    private final Clock clock;

    RatingDashboard(RatingStatistics statistics, RectificationLateness lateness, BundleCatalog catalog,
            CaseFileService cases, Clock clock) {
        this.statistics = statistics;
        this.lateness = lateness;
        this.catalog = catalog;
        this.cases = cases;
        this.clock = clock;
    }

    /** A question as the API asks it: every part optional (null or blank: the default, or any). */
    record Query(LocalDate from, LocalDate to, String by, String department, String bundle, String item,
            String officer, String channel) {
    }

    /** goodRate: the share of levels 4-5 (0..1); it and average are null when there is no rating. */
    record Figures(long count, long good, long bad, Double goodRate, Double average) {
    }

    /** key: the code to filter the next level by (null for ratings that name no officer). */
    record Group(String key, String name, long count, long good, long bad, Double goodRate, Double average) {
    }

    record Day(LocalDate day, long count, Double goodRate, Double average) {
    }

    /** The period and grouping used (defaults filled in), the total, the groups, and every day of the period. */
    record Dashboard(LocalDate from, LocalDate to, String by, Figures total, List<Group> groups, List<Day> trend) {
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Query query) {
        return dashboard(query, Source.DAYS);
    }

    /** The same from either source: the benchmark's baseline runs it on the rating table. */
    Dashboard dashboard(Query query, Source source) {
        List<FieldError> errors = new ArrayList<>();
        Dimension by = dimension(query.by(), errors);
        Filter filter = filter(query, errors);
        check(errors);
        List<Sums> sums = statistics.groups(source, filter, by);
        long count = 0;
        long good = 0;
        long bad = 0;
        long levels = 0;
        for (Sums s : sums) {
            count += s.ratings();
            good += s.good();
            bad += s.bad();
            levels += s.levelSum();
        }
        Figures total = new Figures(count, good, bad, rate(good, count), rate(levels, count));
        List<Group> groups = sums.stream().filter(s -> s.ratings() != 0).map(s -> group(by, s))
                .sorted(Comparator.comparingLong(Group::count).reversed()
                        .thenComparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Map<LocalDate, DaySums> days = statistics.trend(source, filter).stream()
                .collect(Collectors.toMap(DaySums::day, Function.identity()));
        List<Day> trend = filter.from().datesUntil(filter.to().plusDays(1)).map(day -> {
            DaySums d = days.get(day);
            return d == null ? new Day(day, 0, null, null)
                    : new Day(day, d.ratings(), rate(d.good(), d.ratings()), rate(d.levelSum(), d.ratings()));
        }).toList();
        return new Dashboard(filter.from(), filter.to(), by.name().toLowerCase(Locale.ROOT), total, groups, trend);
    }

    private Group group(Dimension by, Sums s) {
        String key = by == Dimension.OFFICER && (s.key() == null || s.key().isEmpty()) ? null : s.key();
        return new Group(key, name(by, key), s.ratings(), s.good(), s.bad(), rate(s.good(), s.ratings()),
                rate(s.levelSum(), s.ratings()));
    }

    /** The Chinese name of a group: departments and bundles from the catalog, officers as stored. */
    private String name(Dimension by, String key) {
        return switch (by) {
            case DEPARTMENT -> catalog.departmentName(key);
            case BUNDLE -> catalog.bundle(key).map(Bundle::name).orElse(key);
            case ITEM -> RatingService.CASE_SUBJECT.equals(key) ? CASE_SUBJECT_NAME
                    : catalog.bundles().stream().flatMap(b -> b.item(key).stream()).findFirst()
                            .map(Bundle.Item::name).orElse(key);
            case OFFICER -> key == null ? NO_OFFICER_NAME : key;
            case CHANNEL -> Arrays.stream(Channel.values()).filter(c -> c.name().equals(key)).findFirst()
                    .map(CHANNEL_NAMES::get).orElse(key);
        };
    }

    // ---- the ratings behind a figure ----

    /** One rating in the drill-down's list. */
    record RatingLine(String id, String caseId, String caseNumber, String bundleCode, String bundleName,
            String itemCode, String itemName, Channel channel, String channelName, String department,
            String departmentName, String officer, int level, String levelName, boolean bad, BadReason reason,
            String reasonName, String comment, OffsetDateTime ratedAt, RectificationStatus rectificationStatus) {
    }

    /** The ratings of the period matching the filters (and bad, if given), newest first. */
    @Transactional(readOnly = true)
    public PageResult<RatingLine> ratings(Query query, Boolean bad, Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        Filter filter = filter(query, errors);
        PageQuery paging = null;
        try {
            paging = PageQuery.of(page, size, null, null, Set.of("ratedAt"), "ratedAt", false);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        check(errors);
        Map<String, String> caseNumbers = new HashMap<>();
        List<RatingLine> lines = statistics.ratings(filter, bad, paging.size(), paging.offset()).stream()
                .map(l -> line(l, caseNumbers)).toList();
        return new PageResult<>(lines, statistics.countRatings(filter, bad));
    }

    private RatingLine line(Line l, Map<String, String> caseNumbers) {
        String caseNumber = caseNumbers.computeIfAbsent(l.caseId(),
                id -> cases.ratingSubject(id, null).caseNumber());
        Bundle bundle = catalog.bundle(l.bundleCode()).orElse(null);
        String itemName = l.itemCode() == null ? null
                : bundle == null ? l.itemCode() : bundle.item(l.itemCode()).map(Bundle.Item::name).orElse(l.itemCode());
        Channel channel = Channel.valueOf(l.channel());
        BadReason reason = l.reason() == null ? null : BadReason.valueOf(l.reason());
        return new RatingLine(l.id(), l.caseId(), caseNumber, l.bundleCode(),
                bundle == null ? l.bundleCode() : bundle.name(), l.itemCode(), itemName, channel,
                CHANNEL_NAMES.get(channel), l.department(), catalog.departmentName(l.department()), l.officer(),
                l.level(), RatingLevel.label(l.level()), l.bad(), reason, reason == null ? null : reason.label,
                l.comment(), l.ratedAt(),
                l.rectificationStatus() == null ? null : RectificationStatus.valueOf(l.rectificationStatus()));
    }

    // ---- rectification ----

    /**
     * One department's (or, with department null, all departments') rectification of the bad ratings
     * rated in the period, as they stand now.
     * <ul>
     * <li>open: not yet closed (核实, 整改, 回访, 排除审核 or 申诉复核); closed: 销号 after rectification;
     * excluded: 销号 as a mistaken or malicious rating.</li>
     * <li>overdue: the ratings whose rectification ran late at some step: those with an OVERDUE event
     * (the escalation timer wrote it when a step passed its working-day due date and went to 督办), open
     * or since closed, plus the open ones whose current step is past its due date though the timer has
     * not yet reported it.</li>
     * <li>onTimeRate: the closed ones without an OVERDUE event, over the closed ones (null if none).</li>
     * <li>medianHoursToClose: of the closed ones, the median time from the rating to its 销号, in hours.</li>
     * </ul>
     */
    record RectificationRow(String department, String departmentName, long open, long closed, long excluded,
            long overdue, Double onTimeRate, Double medianHoursToClose) {
    }

    /** Every department of the catalog (and any other that has bad ratings), then the total. */
    record RectificationStats(LocalDate from, LocalDate to, List<RectificationRow> departments,
            RectificationRow total) {
    }

    @Transactional(readOnly = true)
    public RectificationStats rectificationStats(LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        Period period = period(from, to, errors);
        check(errors);
        Map<String, RectificationSums> sums = new HashMap<>();
        RectificationSums all = null;
        for (RectificationSums s : statistics.rectifications(period.from(), period.to())) {
            if (s.department() == null) {
                all = s;
            } else {
                sums.put(s.department(), s);
            }
        }
        Map<String, Long> lateNotReported = statistics
                .openWithoutOverdueEvent(lateness.pastDue(clock.instant()), period.from(), period.to()).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Set<String> departments = new LinkedHashSet<>();
        catalog.departments().stream().map(Department::code).forEach(departments::add);
        departments.addAll(sums.keySet());
        List<RectificationRow> rows = departments.stream()
                .map(d -> row(d, catalog.departmentName(d), sums.get(d), lateNotReported.getOrDefault(d, 0L)))
                .toList();
        long late = lateNotReported.values().stream().mapToLong(Long::longValue).sum();
        return new RectificationStats(period.from(), period.to(), rows, row(null, "合计", all, late));
    }

    private static RectificationRow row(String department, String name, RectificationSums s, long lateNotReported) {
        if (s == null) {
            return new RectificationRow(department, name, 0, 0, 0, lateNotReported, null, null);
        }
        return new RectificationRow(department, name, s.open(), s.closed(), s.excluded(),
                s.overdue() + lateNotReported, rate(s.closedOnTime(), s.closed()),
                s.medianHoursToClose() == null ? null : Math.round(s.medianHoursToClose() * 10) / 10.0);
    }

    // ---- parameters ----

    private record Period(LocalDate from, LocalDate to) {
    }

    private Filter filter(Query q, List<FieldError> errors) {
        Period period = period(q.from(), q.to(), errors);
        String channel = blankToNull(q.channel());
        if (channel != null) {
            String upper = channel.toUpperCase(Locale.ROOT);
            if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(upper))) {
                errors.add(new FieldError("channel", "oneOf", "评价渠道只能是 ITEM（一事一评）、CASE（一次一评）或 SUPERVISOR（监督查评）",
                        "channel must be ITEM, CASE or SUPERVISOR"));
            }
            channel = upper;
        }
        return new Filter(period.from(), period.to(), blankToNull(q.department()), blankToNull(q.bundle()),
                blankToNull(q.item()), blankToNull(q.officer()), channel);
    }

    /** from and to, both included; to defaults to today (Beijing), from to 30 days up to to. */
    private Period period(LocalDate from, LocalDate to, List<FieldError> errors) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (end.isBefore(start)) {
            errors.add(new FieldError("to", "range", "结束日期不能早于开始日期", "to must not be before from"));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            errors.add(new FieldError("from", "maxPeriod", "统计期间最长 " + MAX_DAYS + " 天",
                    "the period from ... to must not be longer than " + MAX_DAYS + " days"));
        }
        return new Period(start, end);
    }

    private static Dimension dimension(String by, List<FieldError> errors) {
        if (by == null || by.isBlank()) {
            return Dimension.DEPARTMENT;
        }
        try {
            return Dimension.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("by", "oneOf", "统计维度只能是 department、bundle、item、officer 或 channel",
                    "by must be department, bundle, item, officer or channel"));
            return Dimension.DEPARTMENT;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** part / whole to 4 decimals; null for nothing. */
    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
