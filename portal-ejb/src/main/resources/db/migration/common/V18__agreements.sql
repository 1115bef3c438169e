-- Data-sharing agreements: the legal basis on which one agency reads another's items. An agency administrator of
-- one party drafts an agreement; it is active once an administrator of every other party has countersigned.
create sequence agreement_seq start with 50 increment by 50;
create table agreement (
    id                 bigint       not null,
    reference          varchar(40)  not null,
    title              varchar(200) not null,
    status             varchar(20)  not null,
    highest_marking    varchar(20)  not null,
    valid_from         date         not null,
    valid_until        date         not null,
    drafting_agency_id bigint       not null,
    drafted_by         varchar(100) not null,
    drafted_at         timestamp with time zone not null,
    community_id       bigint,
    suspended_by_agency_id bigint,
    document_name      varchar(200),
    document_type      varchar(100),
    document_sha256    varchar(64),
    lock_version       bigint       not null,
    constraint agreement_pk primary key (id),
    constraint agreement_reference_uk unique (reference),
    constraint agreement_status_ck check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    constraint agreement_marking_ck check (highest_marking in ('GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    constraint agreement_dates_ck check (valid_from <= valid_until),
    constraint agreement_drafting_agency_fk foreign key (drafting_agency_id) references agency (id),
    constraint agreement_community_fk foreign key (community_id) references community (id),
    constraint agreement_suspended_by_fk foreign key (suspended_by_agency_id) references agency (id),
    constraint agreement_document_fk foreign key (document_sha256) references attachment_content (sha256)
);

-- The parties: agencies (a community's members as they were when it was drafted), each with its countersignature.
create sequence agreement_party_seq start with 50 increment by 50;
create table agreement_party (
    id               bigint       not null,
    agreement_id     bigint       not null,
    agency_id        bigint       not null,
    signed_by        varchar(100),
    signed_at        timestamp with time zone,
    constraint agreement_party_pk primary key (id),
    constraint agreement_party_uk unique (agreement_id, agency_id),
    constraint agreement_party_agreement_fk foreign key (agreement_id) references agreement (id),
    constraint agreement_party_agency_fk foreign key (agency_id) references agency (id)
);
-- "the agreements my agency is a party to"
create index agreement_party_agency_ix on agreement_party (agency_id, agreement_id);

create table agreement_purpose (
    agreement_id bigint      not null,
    purpose      varchar(40) not null,
    constraint agreement_purpose_pk primary key (agreement_id, purpose),
    constraint agreement_purpose_agreement_fk foreign key (agreement_id) references agreement (id)
);

-- What an agreement covers: a kind of item, and for records their type.
create table agreement_coverage (
    agreement_id bigint      not null,
    coverage     varchar(40) not null,
    constraint agreement_coverage_pk primary key (agreement_id, coverage),
    constraint agreement_coverage_agreement_fk foreign key (agreement_id) references agreement (id)
);

-- What the visibility gate reads: while an agreement is active, one row per (reader agency, owner agency, coverage,
-- marking) it allows, both ways between every two parties. Written when it becomes active, deleted when it is
-- suspended or terminated; its dates are checked on every read, so expiry needs no change here. The primary key is
-- the gate's lookup.
create table agreement_cover (
    reader_agency_id bigint      not null,
    owner_agency_id  bigint      not null,
    coverage         varchar(40) not null,
    marking          varchar(20) not null,
    agreement_id     bigint      not null,
    valid_from       date        not null,
    valid_until      date        not null,
    constraint agreement_cover_pk primary key (reader_agency_id, owner_agency_id, coverage, marking, agreement_id),
    constraint agreement_cover_agreement_fk foreign key (agreement_id) references agreement (id),
    constraint agreement_cover_reader_fk foreign key (reader_agency_id) references agency (id),
    constraint agreement_cover_owner_fk foreign key (owner_agency_id) references agency (id)
);
create index agreement_cover_agreement_ix on agreement_cover (agreement_id);

-- What each version is, for the agreements: its kind, and for a record its type.
alter table item_version add column coverage varchar(40);
update item_version set coverage = (select r.record_type from record_version r where r.id = item_version.id)
    where dtype = 'RECORD';
update item_version set coverage = dtype where dtype in ('RECOMMENDATION', 'MEETING_OUTCOME');
alter table item_version alter column coverage set not null;
