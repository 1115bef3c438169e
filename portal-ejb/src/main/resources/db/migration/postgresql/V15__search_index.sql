-- Full-text search over the words of each version. The 'simple' configuration lowercases and splits
-- without stemming: one dictionary for Arabic, French and English text alike. The gate's match
-- condition repeats this exact expression, so PostgreSQL answers it from this index.
create index item_version_search_ix on item_version using gin (to_tsvector('simple', search_text));
