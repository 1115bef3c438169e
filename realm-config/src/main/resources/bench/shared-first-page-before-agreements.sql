-- For comparison in the same run: the first page of "shared with my agency" as it was before the data-sharing agreements
-- and share end dates (bench/shared-first-page.sql has both). The first page of "shared with my agency" as raw SQL: the visibility gate's predicate for a caller
-- acting for agency :agency with username :username, newest first, 20 rows (owners that are not suspended). pgbench substitutes the
-- variables (-D agency=… -D username="'…'"). The grant tests use "between v.id and v.id" as the gate
-- does (see VisibilityGate: it keeps PostgreSQL from hashing every grant of the agency first).
select v.id, v.title, v.marking, v.state, v.version_no, v.updated_at, i.id, i.kind, a.name
from item_version v
join item i on i.id = v.item_id
join agency a on a.id = i.owner_agency_id
where i.owner_agency_id <> :agency
  and v.state in ('PUBLISHED', 'ARCHIVED')
  and a.status = 'ACTIVE'
  and (v.scope = 'ALL_MEMBERS'
       or (v.scope = 'NAMED_AGENCIES' and exists (select 1 from item_version_agency g
                                                  where g.version_id between v.id and v.id and g.agency_id = :agency))
       or (v.scope = 'COMMUNITIES' and exists (select 1 from item_version_community c
                                               join community_member m on m.community_id = c.community_id
                                               where c.version_id between v.id and v.id and m.agency_id = :agency))
       or (v.scope = 'NAMED_USERS' and exists (select 1 from item_version_user u
                                               where u.version_id between v.id and v.id and u.username = :username)))
order by v.updated_at desc, v.id desc
limit 20;
