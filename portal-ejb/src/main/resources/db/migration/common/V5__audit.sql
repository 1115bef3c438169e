-- The audit trail: one row per event, chained by SHA-256 per agency (chain = owner agency of the item,
-- else the actor's agency, else 'platform'); audit_chain_head holds the last link of each chain.
create sequence audit_event_seq start with 50 increment by 50;
create table audit_event (
    id             bigint        not null,
    chain          varchar(32)   not null,
    seq            bigint        not null,
    occurred_at    timestamp with time zone not null,
    actor          varchar(100)  not null,
    actor_agency   varchar(32),
    action         varchar(20)   not null,
    item_id        bigint,
    item_owner     varchar(32),
    outcome        varchar(10)   not null,
    client_address varchar(64),
    user_agent     varchar(300),
    purpose        varchar(300),
    details        varchar(2000),
    prev_hash      varchar(64)   not null,
    hash           varchar(64)   not null,
    constraint audit_event_pk primary key (id),
    constraint audit_event_link_uk unique (chain, seq),
    constraint audit_event_outcome_ck check (outcome in ('ALLOWED', 'DENIED', 'FAILED'))
);
-- an auditor's views: their agency's items, their agency's people, newest first
create index audit_event_owner_ix on audit_event (item_owner, occurred_at);
create index audit_event_actor_agency_ix on audit_event (actor_agency, occurred_at);
create index audit_event_item_ix on audit_event (item_id, occurred_at);
create index audit_event_at_ix on audit_event (occurred_at);

create table audit_chain_head (
    chain varchar(32) not null,
    seq   bigint      not null,
    hash  varchar(64) not null,
    constraint audit_chain_head_pk primary key (chain)
);
