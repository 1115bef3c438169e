-- A TLP:RED grant names a person by their id at the identity provider (Keycloak's user id, the tokens' sub),
-- never by the username alone: a user created later under a granted name does not inherit the grant. Grants
-- made before this column have no id and name nobody (the author or a vetter names the people again).
alter table item_version_user add column person_id varchar(64);

-- The people the portal notifies, with their id, so that a notification about a TLP:RED item reaches only
-- the people it names.
alter table portal_user add column person_id varchar(64);
