-- Originator control: each version carries a handling code beside its marking (H0 agreed purposes only, H1 not for
-- court without the provider's permission, H2 no onward dissemination without it, H3 other restrictions, in words).
-- Existing versions get the default: H2 for TLP:AMBER and above, H0 below.
alter table item_version add column handling_code varchar(2);
alter table item_version add column handling_note varchar(500);
update item_version set handling_code = case when marking in ('AMBER', 'AMBER_STRICT', 'RED') then 'H2' else 'H0' end;
alter table item_version alter column handling_code set not null;
alter table item_version add constraint item_version_handling_ck check (handling_code in ('H0', 'H1', 'H2', 'H3'));

-- Records: how reliable the source is (A reliable, B usually reliable, C not usually reliable, X cannot be judged) and
-- how accurate the information (1 known without reservation, 2 known personally to the source, 3 not known
-- personally but corroborated, 4 cannot be judged) — the 4x4 of police information exchange.
alter table record_version add column source_reliability varchar(1);
alter table record_version add column information_accuracy integer;
alter table record_version add constraint record_version_reliability_ck check (source_reliability in ('A', 'B', 'C', 'X'));
alter table record_version add constraint record_version_accuracy_ck check (information_accuracy between 1 and 4);
