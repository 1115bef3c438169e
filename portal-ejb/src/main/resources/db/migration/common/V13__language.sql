-- The language a person chose for the portal's pages (en, fr, ar); none: their browser's.
alter table portal_user add column locale varchar(8);
