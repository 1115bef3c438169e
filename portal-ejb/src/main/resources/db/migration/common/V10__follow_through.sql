-- Follow-through of published items. A recommendation's published version carries the addressee's
-- decision and progress; a meeting's action items carry their owner agency's last status update.
alter table recommendation_version add column follow_up_status varchar(24) default 'UNDER_CONSIDERATION' not null;
alter table recommendation_version add column progress integer default 0 not null;
alter table recommendation_version add column rationale varchar(4000);
alter table recommendation_version add column decided_by varchar(100);
alter table recommendation_version add column decided_at timestamp with time zone;
alter table recommendation_version add column follow_up_at timestamp with time zone;
alter table recommendation_version add constraint recommendation_follow_up_ck check (follow_up_status in
    ('UNDER_CONSIDERATION', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'IMPLEMENTED'));
alter table recommendation_version add constraint recommendation_progress_ck check (progress between 0 and 100);
-- "recommendations awaiting my agency's decision" (the index of V2 on the addressee alone stays: H2 holds the
-- foreign key by it)
create index recommendation_awaiting_ix on recommendation_version (addressee_agency_id, follow_up_status, id);

alter table meeting_action_item drop constraint meeting_action_item_status_ck;
alter table meeting_action_item add constraint meeting_action_item_status_ck check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'));
alter table meeting_action_item add column status_note varchar(2000);
alter table meeting_action_item add column status_by varchar(100);
alter table meeting_action_item add column status_at timestamp with time zone;
-- "my agency's action items due or overdue"
create index meeting_action_item_owner_ix on meeting_action_item (owner_agency_id, status, due_on);
-- a meeting page lists the recommendations that came from it
create index recommendation_meeting_ix on recommendation_version (meeting_item_id);
