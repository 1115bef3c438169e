-- When an administrator ended someone's access (disabled them, changed their roles): sessions and
-- tokens issued before that moment are refused from the next request on. Looked up by username on
-- every request (the primary key).
create table access_revocation (
    username   varchar(100) not null,
    revoked_at timestamp with time zone not null,
    constraint access_revocation_pk primary key (username)
);
