-- The directory of people the portal notifies: as their token said when they last signed in.
create table portal_user (
    username     varchar(100) not null,
    display_name varchar(200) not null,
    email        varchar(320),
    roles        varchar(200) not null,
    last_seen_at timestamp with time zone,
    version      bigint       not null,
    constraint portal_user_pk primary key (username)
);
create table portal_user_agency (
    username  varchar(100) not null,
    agency_id bigint       not null,
    constraint portal_user_agency_pk primary key (username, agency_id),
    constraint portal_user_agency_user_fk foreign key (username) references portal_user (username),
    constraint portal_user_agency_agency_fk foreign key (agency_id) references agency (id)
);
-- "the vetters / officials of this agency"
create index portal_user_agency_ix on portal_user_agency (agency_id, username);
create table portal_user_mail_off (
    username varchar(100) not null,
    kind     varchar(30)  not null,
    constraint portal_user_mail_off_pk primary key (username, kind),
    constraint portal_user_mail_off_user_fk foreign key (username) references portal_user (username)
);

create sequence notification_seq start with 50 increment by 50;
create table notification (
    id          bigint       not null,
    recipient   varchar(100) not null,
    agency_id   bigint       not null,
    kind        varchar(30)  not null,
    item_id     bigint       not null,
    text        varchar(500) not null,
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone,
    mail_status varchar(16)  not null,
    constraint notification_pk primary key (id),
    constraint notification_agency_fk foreign key (agency_id) references agency (id),
    constraint notification_item_fk foreign key (item_id) references item (id),
    constraint notification_kind_ck check (kind in ('VETTING_WAITING', 'ITEM_RETURNED', 'ITEM_PUBLISHED',
        'RECOMMENDATION_ADDRESSED', 'RECOMMENDATION_FOLLOWED_UP', 'ACTION_ASSIGNED', 'ACTION_OVERDUE')),
    constraint notification_mail_ck check (mail_status in ('NOT_CONFIGURED', 'PENDING', 'SENT', 'OPTED_OUT', 'NO_ADDRESS', 'FAILED'))
);
-- the inbox and its unread count, newest first
create index notification_inbox_ix on notification (recipient, agency_id, created_at);
create index notification_item_ix on notification (item_id);

-- an overdue action item is notified once
alter table meeting_action_item add column overdue_notified boolean default false not null;
