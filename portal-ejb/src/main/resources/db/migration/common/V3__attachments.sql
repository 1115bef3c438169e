-- Attached files: the bytes once per SHA-256, and one row per version that attaches them.
create table attachment_content (
    sha256     varchar(64) not null,
    size_bytes bigint      not null,
    bytes      bytea       not null,
    constraint attachment_content_pk primary key (sha256)
);

create sequence attachment_seq start with 50 increment by 50;
create table attachment (
    id           bigint       not null,
    version_id   bigint       not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    sha256       varchar(64)  not null,
    size_bytes   bigint       not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null,
    constraint attachment_pk primary key (id),
    constraint attachment_version_fk foreign key (version_id) references item_version (id),
    constraint attachment_content_fk foreign key (sha256) references attachment_content (sha256)
);
create index attachment_version_ix on attachment (version_id);
