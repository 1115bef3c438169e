-- Agencies: the tenants of Interlink. One row per Keycloak Organization (code = organization alias).
-- EclipseLink takes a sequence value as the last id of a block of 50, so the first value is 50.
create sequence agency_seq start with 50 increment by 50;

create table agency (
    id         bigint       not null,
    code       varchar(32)  not null,
    name       varchar(200) not null,
    kind       varchar(40)  not null,
    country    varchar(2),
    status     varchar(20)  not null,
    created_at timestamp with time zone not null,
    version    bigint       not null,
    constraint agency_pk primary key (id),
    constraint agency_code_uk unique (code),
    constraint agency_kind_ck check (kind in ('MINISTRY', 'INTERNATIONAL_ORGANISATION', 'LAW_ENFORCEMENT', 'DONOR')),
    constraint agency_status_ck check (status in ('ACTIVE', 'SUSPENDED'))
);
-- the unique constraint on code is the index behind the per-request caller resolution (code in :codes)
