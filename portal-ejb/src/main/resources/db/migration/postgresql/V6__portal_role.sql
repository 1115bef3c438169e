-- Two roles on PostgreSQL: the owner (runs these migrations, owns the tables) and the portal's role
-- ${portalRole} (what the application connects as). The portal may read and change the portal's data,
-- but may only INSERT and SELECT the audit trail: it cannot rewrite what it recorded.
grant select, insert, update, delete on all tables in schema public to ${portalRole};
grant usage, select on all sequences in schema public to ${portalRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${portalRole};
alter default privileges in schema public grant usage, select on sequences to ${portalRole};
revoke update, delete, truncate on audit_event from ${portalRole};
revoke truncate on audit_chain_head from ${portalRole};
