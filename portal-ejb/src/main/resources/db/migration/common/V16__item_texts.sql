-- Items in more than one language: the language a version's title and summary are written in (null: not
-- stated) and the same title and summary in the portal's other languages. Readers see their language first.
alter table item_version add column text_language varchar(8);
create table item_version_text (
    version_id bigint not null references item_version (id),
    language varchar(8) not null,
    title varchar(300) not null,
    summary varchar(4000) not null,
    primary key (version_id, language)
);
