-- Benchmark data: 100,000 items over 20 agencies, in every marking, scope and state, on top of the
-- demo data (PostgreSQL). Ids start at 10,000,000 so they never meet the ids the portal allocates.
-- Run by org.interlink.devstack.SharedListBenchmark; safe to read on its own.

-- 15 more agencies, so that there are 20
insert into agency (id, code, name, kind, country, status, created_at, version)
select 10000 + g, 'bench-' || g, 'Benchmark agency ' || g,
       (array['MINISTRY', 'INTERNATIONAL_ORGANISATION', 'LAW_ENFORCEMENT', 'DONOR'])[1 + g % 4], 'IQ', 'ACTIVE', now(), 0
from generate_series(1, 15) g;

create temporary table bench_agency as
select id, (row_number() over (order by id) - 1)::int as n from agency;

-- three communities of seven agencies each
insert into community (id, code, name, version)
select 10000 + c, 'bench-community-' || c, 'Benchmark community ' || c, 0 from generate_series(0, 2) c;
insert into community_member (community_id, agency_id)
select 10000 + c, a.id from generate_series(0, 2) c join bench_agency a on a.n % 3 = c or a.n < 2;

-- the items: owner by g mod 20; sharing by g mod 20 buckets; state by (g / 20) mod 20 buckets
create temporary table bench_item as
select g,
       10000000 + g as id,
       (select id from bench_agency where n = g % 20) as owner,
       case when g % 20 < 4 then 'CLEAR' when g % 20 < 7 then 'GREEN' when g % 20 < 9 then 'GREEN'
            when g % 20 < 14 then 'AMBER' when g % 20 < 17 then 'AMBER' when g % 20 < 19 then 'AMBER_STRICT' else 'RED' end as marking,
       case when g % 20 < 4 then 'ALL_MEMBERS' when g % 20 < 7 then 'ALL_MEMBERS' when g % 20 < 9 then 'COMMUNITIES'
            when g % 20 < 14 then 'NAMED_AGENCIES' when g % 20 < 17 then 'COMMUNITIES' when g % 20 < 19 then 'NAMED_AGENCIES' else 'NAMED_USERS' end as scope,
       case when (g / 20) % 20 < 12 then 'PUBLISHED' when (g / 20) % 20 < 14 then 'ARCHIVED' when (g / 20) % 20 < 16 then 'DRAFT'
            when (g / 20) % 20 < 18 then 'SUBMITTED' when (g / 20) % 20 < 19 then 'RETURNED' else 'WITHDRAWN' end as state,
       now() - make_interval(secs => g * 37) as at
from generate_series(1, 100000) g;

insert into item (id, kind, owner_agency_id, created_at, created_by, lock_version)
select id, 'RECORD', owner, at, 'bench.author', 0 from bench_item;

insert into item_version (id, dtype, item_id, version_no, title, summary, marking, scope, state, current_version, author,
                          created_at, updated_at, submitted_at, published_at, published_by, lock_version, search_text, coverage,
                          handling_code)
select id, 'RECORD', id, 1, 'Benchmark item ' || g, 'Generated for the list benchmark', marking, scope, state, true,
       'bench.author', at, at, at, case when state in ('PUBLISHED', 'ARCHIVED') then at end,
       case when state in ('PUBLISHED', 'ARCHIVED') then 'bench.vetter' end, 0,
       'Benchmark item ' || g || ' Generated for the list benchmark', 'DISPLACEMENT_FIGURES',
       case when marking in ('AMBER', 'AMBER_STRICT', 'RED') then 'H2' else 'H0' end
from bench_item;

insert into record_version (id, record_type, reference_date, location, quantity)
select id, 'DISPLACEMENT_FIGURES', current_date, 'Governorate ' || (g % 18), g from bench_item;

-- grants: one or two other agencies, one community, or one named person
insert into item_version_agency (version_id, agency_id)
select b.id, a.id from bench_item b join bench_agency a on a.n = (b.g * 7 + 1) % 20
where b.scope = 'NAMED_AGENCIES' and a.id <> b.owner;
insert into item_version_agency (version_id, agency_id)
select b.id, a.id from bench_item b join bench_agency a on a.n = (b.g * 11 + 3) % 20
where b.scope = 'NAMED_AGENCIES' and a.id <> b.owner and b.g % 2 = 0
on conflict do nothing;
insert into item_version_community (version_id, community_id)
select id, 10000 + g % 3 from bench_item where scope = 'COMMUNITIES';
insert into item_version_user (version_id, username)
select id, (array['moi.official', 'interpol.liaison', 'iom.liaison', 'donor.observer'])[1 + g % 4] from bench_item
where scope = 'NAMED_USERS';

-- items without any grant are shared with nobody outside: make them own-agency items
update item_version set scope = 'OWN_AGENCY'
where id >= 10000000 and scope = 'NAMED_AGENCIES'
  and not exists (select 1 from item_version_agency g where g.version_id = item_version.id);

-- one active data-sharing agreement between all 20 agencies, covering every kind up to TLP:RED: every share above
-- reaches its readers as before, and each read outside the owner agency now also looks up its agreement
insert into agreement (id, reference, title, status, highest_marking, valid_from, valid_until, drafting_agency_id, drafted_by,
                       drafted_at, lock_version)
select 10000, 'BENCH-ALL', 'Benchmark agreement of all agencies', 'ACTIVE', 'RED', current_date - 365, current_date + 365,
       (select id from bench_agency where n = 0), 'bench.admin', now(), 0;
insert into agreement_party (id, agreement_id, agency_id, signed_by, signed_at)
select 10000 + n, 10000, id, 'bench.admin', now() from bench_agency;
insert into agreement_purpose (agreement_id, purpose) values (10000, 'POLICY_AND_ANALYSIS');
insert into agreement_coverage (agreement_id, coverage)
select 10000, c from unnest(array['DISPLACEMENT_FIGURES', 'BORDER_INCIDENT', 'TRAVEL_DOCUMENT_ALERT', 'SOP', 'TRAINING_REPORT',
                                  'EQUIPMENT', 'RECOMMENDATION', 'MEETING_OUTCOME']) c;
insert into agreement_cover (reader_agency_id, owner_agency_id, coverage, marking, agreement_id, valid_from, valid_until)
select r.id, o.id, c.coverage, m, 10000, current_date - 365, current_date + 365
from bench_agency r join bench_agency o on r.id <> o.id
     cross join (select coverage from agreement_coverage where agreement_id = 10000) c
     cross join unnest(array['GREEN', 'AMBER', 'AMBER_STRICT', 'RED']) m;

analyze;
