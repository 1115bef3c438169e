-- Failed sign-ins happen at Keycloak; the portal imports them from Keycloak's events into the audit
-- trail. One row per imported Keycloak event: each is recorded once, and the newest says where the
-- next import starts.
create table reported_sign_in_failure (
    event_id    varchar(64) not null,
    occurred_at timestamp with time zone not null,
    constraint reported_sign_in_failure_pk primary key (event_id)
);
create index reported_sign_in_failure_at_ix on reported_sign_in_failure (occurred_at);
