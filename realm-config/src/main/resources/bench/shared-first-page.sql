-- The first page of "shared with my agency" as raw SQL: the visibility gate's predicate for a caller
-- acting for agency :agency with username :username, newest first, 20 rows (owners that are not suspended). pgbench substitutes the
-- variables (-D agency=… -D username="'…'"). The grant tests use "between v.id and v.id" as the gate
-- does (see VisibilityGate: it keeps PostgreSQL from hashing every grant of the agency first). Another agency's item
-- above TLP:CLEAR is read only under an active data-sharing agreement covering it today (agreement_cover), and a share
-- with a last day only until then.
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
  and (v.shared_until is null or v.shared_until >= current_date)
  and (v.marking = 'CLEAR' or exists (select 1 from agreement_cover k
                                      where k.reader_agency_id = :agency and k.owner_agency_id = i.owner_agency_id
                                        and k.coverage = v.coverage and k.marking = v.marking
                                        and k.valid_from <= current_date and k.valid_until >= current_date))
order by v.updated_at desc, v.id desc
limit 20;
