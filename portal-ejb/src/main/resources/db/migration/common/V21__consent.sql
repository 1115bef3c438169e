-- Consent to forward: a reader of another agency's item asks its owner to pass it on to a third agency, with a reason;
-- a vetter of the owner agency (not the version's author) approves (a new published version shares it with that
-- agency too) or declines (nothing changes), with a reason.
create sequence consent_request_seq start with 50 increment by 50;
create table consent_request (
    id                  bigint        not null,
    item_id             bigint        not null,
    owner_agency_id     bigint        not null,
    version_no          integer       not null,
    requester_agency_id bigint        not null,
    requested_by        varchar(100)  not null,
    requested_at        timestamp with time zone not null,
    target_agency_id    bigint        not null,
    reason              varchar(1000) not null,
    status              varchar(20)   not null,
    decided_by          varchar(100),
    decided_at          timestamp with time zone,
    decision_reason     varchar(1000),
    lock_version        bigint        not null,
    constraint consent_request_pk primary key (id),
    constraint consent_request_item_fk foreign key (item_id) references item (id),
    constraint consent_request_owner_fk foreign key (owner_agency_id) references agency (id),
    constraint consent_request_requester_fk foreign key (requester_agency_id) references agency (id),
    constraint consent_request_target_fk foreign key (target_agency_id) references agency (id),
    constraint consent_request_status_ck check (status in ('PENDING', 'APPROVED', 'DECLINED'))
);
-- the owner's vetters' queue, and what an agency asked
create index consent_request_owner_ix on consent_request (owner_agency_id, status, id);
create index consent_request_requester_ix on consent_request (requester_agency_id, id);
create index consent_request_item_ix on consent_request (item_id, target_agency_id, status);

alter table notification drop constraint notification_kind_ck;
alter table notification add constraint notification_kind_ck check (kind in ('VETTING_WAITING', 'ITEM_RETURNED', 'ITEM_PUBLISHED',
    'RECOMMENDATION_ADDRESSED', 'RECOMMENDATION_FOLLOWED_UP', 'ACTION_ASSIGNED', 'ACTION_OVERDUE', 'CONSENT_REQUESTED',
    'CONSENT_DECIDED'));
