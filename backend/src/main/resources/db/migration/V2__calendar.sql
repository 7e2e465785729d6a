-- The working-day calendar's years uploaded by an administrator; they override bpmn/calendar/*.yaml.
-- arrangement: the year's holidays and 调休 working days as JSON (source, holidays[name, from, to, worked]).
-- The column is year_number, not year: YEAR is a keyword in H2.
-- Portable SQL: the same script runs on PostgreSQL and on the embedded H2 default.

create table calendar_year (
    year_number int          primary key,
    arrangement text         not null,
    updated_by  varchar(100),
    updated_at  timestamp with time zone
);
