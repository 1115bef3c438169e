-- Every version, newest first: a search in that order first walks down this index to find the time of its newest
-- matches (VisibilityGate.newestFirst), stopping after a few thousand, and its query then reads only versions changed
-- since. The shared list's index (V4) holds only published and archived versions; a search also reads the agency's
-- drafts. (On H2, V4's index is already over all versions.)
create index item_version_recent_ix on item_version (updated_at desc, id desc);
