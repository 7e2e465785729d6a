-- What a user chose for how the site looks (长者版), kept with their account so it follows them to any device.
create table user_preference (
    user_id    varchar(100) primary key,
    elder_mode boolean      not null,
    updated_at timestamp with time zone not null
);
