-- A share to named agencies or named people may end: the version's last day of sharing (none: no end). The gate
-- reads it with the day: after it, other agencies (and the people of other agencies named) no longer read the version;
-- colleagues named inside the owner agency are not limited by it.
alter table item_version add column shared_until date;
