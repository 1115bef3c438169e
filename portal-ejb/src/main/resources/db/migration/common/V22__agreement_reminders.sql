-- Reminders to the administrators of every party, 30 and again 7 days before an agreement ends (issue 20).
-- The smallest reminder sent (30, then 7) is kept on the agreement: a reminder is claimed by a conditional
-- update, so it goes out once even when two nodes look at the same hour.
alter table agreement add column reminded_days integer;
alter table agreement add constraint agreement_reminded_ck check (reminded_days in (30, 7));

-- A notification is about an item or, now, about an agreement: exactly one of them.
alter table notification alter column item_id drop not null;
alter table notification add column agreement_id bigint;
alter table notification add constraint notification_agreement_fk foreign key (agreement_id) references agreement (id);
alter table notification add constraint notification_about_ck check ((item_id is null and agreement_id is not null)
    or (item_id is not null and agreement_id is null));
create index notification_agreement_ix on notification (agreement_id);

alter table notification drop constraint notification_kind_ck;
alter table notification add constraint notification_kind_ck check (kind in ('VETTING_WAITING', 'ITEM_RETURNED', 'ITEM_PUBLISHED',
    'RECOMMENDATION_ADDRESSED', 'RECOMMENDATION_FOLLOWED_UP', 'ACTION_ASSIGNED', 'ACTION_OVERDUE', 'CONSENT_REQUESTED',
    'CONSENT_DECIDED', 'AGREEMENT_ENDING'));
