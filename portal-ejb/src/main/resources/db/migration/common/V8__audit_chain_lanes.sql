-- Each agency's events go to eight chains ("iq-moi/0" … "iq-moi/7"), so that writers of one agency do
-- not wait for each other's commits. audit_chain lists the chains; a writer holds a chain by locking
-- its row (select … for update skip locked) until it commits. A chain's head is no longer a row that
-- every append moves: it is the chain's event with the highest sequence number. The chains written
-- before (one per agency) stay as they are and are still verified.
create table audit_chain (
    chain varchar(40) not null,
    constraint audit_chain_pk primary key (chain)
);
insert into audit_chain (chain) select chain from audit_chain_head;
drop table audit_chain_head;
alter table audit_event alter column chain set data type varchar(40);
