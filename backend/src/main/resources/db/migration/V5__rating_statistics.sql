-- 好差评 statistics for the managers' dashboards. rating_day pre-aggregates the ratings: one row per day
-- (rated_on, Beijing) and bucket (department, bundle, subject, channel, officer) with the sums the
-- dashboards add up over days. RatingDays keeps it in step with rating in the same transaction as every
-- insert and change of a rating. Portable SQL: PostgreSQL and the embedded H2 (where DAY, KEY, VALUE are
-- reserved words: hence rated_on and ratings).

create table rating_day (
    rated_on     date          not null,
    department   varchar(64)   not null,
    bundle_code  varchar(64)   not null,
    -- the item code, or 'case' for a rating of the whole case (as rating.subject)
    subject      varchar(64)   not null,
    channel      varchar(20)   not null,
    -- '' when the rating names no officer (a rating of the whole case): a key column cannot be null
    officer      varchar(100)  not null,
    ratings      integer       not null,
    -- levels 4-5 (好评)
    good         integer       not null,
    -- levels 1-2 (差评)
    bad          integer       not null,
    level_sum    integer       not null,
    constraint rating_day_bucket primary key (rated_on, department, bundle_code, subject, channel, officer)
);
-- The primary key serves a period over all departments (its first column is the day); this one a
-- department's drill-down (its officers, its trend) over long periods.
create index rating_day_department on rating_day (department, rated_on);

-- The ratings that exist already.
insert into rating_day (rated_on, department, bundle_code, subject, channel, officer, ratings, good, bad, level_sum)
select rated_on, department, bundle_code, subject, channel, coalesce(officer, ''), count(*),
       sum(case when level >= 4 then 1 else 0 end), sum(case when bad then 1 else 0 end), sum(level)
from rating
group by rated_on, department, bundle_code, subject, channel, coalesce(officer, '');

-- The list of ratings behind a dashboard figure, newest first: all of a period, or one officer's.
create index rating_rated_at on rating (rated_at);
create index rating_officer on rating (department, officer, rated_at);
-- Rectification statistics: the bad ratings of a period (every column the query reads, so that
-- PostgreSQL answers from the index alone: the bad ratings are scattered over the whole table), and which
-- of them were ever overdue (督办).
create index rating_rectification_period on rating (rectification_status, rated_on, department, rated_at, closed_at, id);
create index rating_event_type on rating_event (type, rating_id);
