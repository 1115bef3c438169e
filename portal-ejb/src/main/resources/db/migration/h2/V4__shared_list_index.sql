-- H2 has no partial indexes: the same order over all versions (see the PostgreSQL migration).
create index item_version_shared_recent_ix on item_version (updated_at desc, id desc);
