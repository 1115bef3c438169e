-- Communities: named sets of agencies that share by default.
create sequence community_seq start with 50 increment by 50;
create table community (
    id      bigint       not null,
    code    varchar(32)  not null,
    name    varchar(200) not null,
    version bigint       not null,
    constraint community_pk primary key (id),
    constraint community_code_uk unique (code)
);
create table community_member (
    community_id bigint not null,
    agency_id    bigint not null,
    constraint community_member_pk primary key (community_id, agency_id),
    constraint community_member_community_fk foreign key (community_id) references community (id),
    constraint community_member_agency_fk foreign key (agency_id) references agency (id)
);
-- the gate asks "which communities is my agency in"
create index community_member_agency_ix on community_member (agency_id, community_id);

-- Items: one row per record, recommendation or meeting outcome; the content lives in versions.
create sequence item_seq start with 50 increment by 50;
create table item (
    id              bigint       not null,
    kind            varchar(20)  not null,
    owner_agency_id bigint       not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(100) not null,
    lock_version    bigint       not null,
    constraint item_pk primary key (id),
    constraint item_owner_fk foreign key (owner_agency_id) references agency (id),
    constraint item_kind_ck check (kind in ('RECORD', 'RECOMMENDATION', 'MEETING_OUTCOME'))
);
create index item_owner_ix on item (owner_agency_id, id);

create sequence item_version_seq start with 50 increment by 50;
create table item_version (
    id              bigint        not null,
    dtype           varchar(31)   not null,
    item_id         bigint        not null,
    version_no      integer       not null,
    title           varchar(300)  not null,
    summary         varchar(4000) not null,
    marking         varchar(20)   not null,
    scope           varchar(20)   not null,
    state           varchar(20)   not null,
    current_version boolean       not null,
    author          varchar(100)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone,
    published_at    timestamp with time zone,
    published_by    varchar(100),
    lock_version    bigint        not null,
    constraint item_version_pk primary key (id),
    constraint item_version_item_fk foreign key (item_id) references item (id),
    constraint item_version_no_uk unique (item_id, version_no),
    constraint item_version_marking_ck check (marking in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    constraint item_version_scope_ck check (scope in ('OWN_AGENCY', 'NAMED_AGENCIES', 'COMMUNITIES', 'ALL_MEMBERS', 'NAMED_USERS')),
    constraint item_version_state_ck check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN', 'ARCHIVED', 'SUPERSEDED')),
    constraint item_version_red_ck check ((marking = 'RED') = (scope = 'NAMED_USERS'))
);
-- the owner agency's view: the current version of each of its items
create index item_version_current_ix on item_version (item_id, current_version);
-- everybody else's view: shared versions, newest first
create index item_version_shared_ix on item_version (state, published_at, item_id);
create index item_version_author_ix on item_version (author, state);

create table item_version_agency (
    version_id bigint not null,
    agency_id  bigint not null,
    constraint item_version_agency_pk primary key (version_id, agency_id),
    constraint item_version_agency_version_fk foreign key (version_id) references item_version (id),
    constraint item_version_agency_agency_fk foreign key (agency_id) references agency (id)
);
create index item_version_agency_ix on item_version_agency (agency_id, version_id);

create table item_version_community (
    version_id   bigint not null,
    community_id bigint not null,
    constraint item_version_community_pk primary key (version_id, community_id),
    constraint item_version_community_version_fk foreign key (version_id) references item_version (id),
    constraint item_version_community_community_fk foreign key (community_id) references community (id)
);
create index item_version_community_ix on item_version_community (community_id, version_id);

create table item_version_user (
    version_id bigint       not null,
    username   varchar(100) not null,
    constraint item_version_user_pk primary key (version_id, username),
    constraint item_version_user_version_fk foreign key (version_id) references item_version (id)
);
create index item_version_user_ix on item_version_user (username, version_id);

-- Migration-management records
create table record_version (
    id              bigint       not null,
    record_type     varchar(40)  not null,
    reference_date  date,
    location        varchar(200),
    quantity        bigint,
    category        varchar(100),
    document_number varchar(100),
    country         varchar(2),
    constraint record_version_pk primary key (id),
    constraint record_version_fk foreign key (id) references item_version (id),
    constraint record_version_type_ck check (record_type in ('DISPLACEMENT_FIGURES', 'BORDER_INCIDENT',
        'TRAVEL_DOCUMENT_ALERT', 'SOP', 'TRAINING_REPORT', 'EQUIPMENT'))
);

-- Recommendations
create table recommendation_version (
    id                  bigint not null,
    addressee_agency_id bigint not null,
    meeting_item_id     bigint,
    constraint recommendation_version_pk primary key (id),
    constraint recommendation_version_fk foreign key (id) references item_version (id),
    constraint recommendation_addressee_fk foreign key (addressee_agency_id) references agency (id),
    constraint recommendation_meeting_fk foreign key (meeting_item_id) references item (id)
);
create index recommendation_addressee_ix on recommendation_version (addressee_agency_id);

-- Meeting outcomes
create table meeting_version (
    id        bigint       not null,
    starts_on date         not null,
    ends_on   date         not null,
    place     varchar(200) not null,
    constraint meeting_version_pk primary key (id),
    constraint meeting_version_fk foreign key (id) references item_version (id),
    constraint meeting_dates_ck check (ends_on >= starts_on)
);
create table meeting_participant (
    version_id bigint not null,
    agency_id  bigint not null,
    constraint meeting_participant_pk primary key (version_id, agency_id),
    constraint meeting_participant_version_fk foreign key (version_id) references meeting_version (id),
    constraint meeting_participant_agency_fk foreign key (agency_id) references agency (id)
);
create table meeting_decision (
    version_id bigint        not null,
    seq        integer       not null,
    decision   varchar(2000) not null,
    constraint meeting_decision_pk primary key (version_id, seq),
    constraint meeting_decision_version_fk foreign key (version_id) references meeting_version (id)
);
create table meeting_action_item (
    version_id      bigint        not null,
    seq             integer       not null,
    description     varchar(1000) not null,
    owner_agency_id bigint        not null,
    due_on          date          not null,
    status          varchar(20)   not null,
    constraint meeting_action_item_pk primary key (version_id, seq),
    constraint meeting_action_item_version_fk foreign key (version_id) references meeting_version (id),
    constraint meeting_action_item_owner_fk foreign key (owner_agency_id) references agency (id),
    constraint meeting_action_item_status_ck check (status in ('OPEN', 'IN_PROGRESS', 'DONE'))
);
create table meeting_recommendation (
    version_id             bigint not null,
    recommendation_item_id bigint not null,
    constraint meeting_recommendation_pk primary key (version_id, recommendation_item_id),
    constraint meeting_recommendation_version_fk foreign key (version_id) references meeting_version (id),
    constraint meeting_recommendation_item_fk foreign key (recommendation_item_id) references item (id)
);

-- History of every item
create sequence item_event_seq start with 50 increment by 50;
create table item_event (
    id           bigint       not null,
    item_id      bigint       not null,
    version_no   integer      not null,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100) not null,
    actor_agency varchar(32),
    action       varchar(20)  not null,
    to_state     varchar(20)  not null,
    comment      varchar(2000),
    snapshot     varchar(100000),
    constraint item_event_pk primary key (id),
    constraint item_event_item_fk foreign key (item_id) references item (id)
);
create index item_event_item_ix on item_event (item_id, occurred_at);
