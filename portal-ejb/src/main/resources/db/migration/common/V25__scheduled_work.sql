-- Work that must happen once however many nodes run the portal (issue 22): the audit head export, the import of failed
-- sign-ins from Keycloak, the overdue notifications, the agreements' reminders. Every node's timer fires; the node that
-- moves a work's next_due forward (from a time already past) does the work, the others find it not due. A node that dies
-- holds nothing: the work is due again at next_due, and the next node whose timer fires takes it.
create table scheduled_work (
    work     varchar(60) not null,
    next_due timestamp with time zone not null,
    node     varchar(120) not null,
    ran_at   timestamp with time zone,
    constraint scheduled_work_pk primary key (work)
);
