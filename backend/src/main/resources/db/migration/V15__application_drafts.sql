-- 草稿: an application being filled in, saved as the applicant types so it can be finished on any device.
-- One per applicant and bundle; gone once the application is filed.
create table application_draft (
    user_id     varchar(100) not null,
    bundle_code varchar(100) not null,
    form_data   text         not null,
    materials   text         not null,
    saved_at    timestamp with time zone not null,
    primary key (user_id, bundle_code)
);
