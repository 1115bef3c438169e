-- Search: every version carries the words it can be found by (title and summary, in every language the
-- author wrote them), kept by the entity whenever the content changes. PostgreSQL indexes it for
-- full-text search (postgresql/V15); the embedded H2 matches words with LIKE.
alter table item_version add column search_text varchar(16000);
update item_version set search_text = title || ' ' || summary;
alter table item_version alter column search_text set not null;
