-- The ministry's archive: every notification it ever received, filterable in the database.

-- When the ministry first received a notification (sent_at moves with each round).
alter table block_notice add column received_at timestamptz;

update block_notice n
   set received_at = coalesce(
         (select min(e.occurred_at) from notice_event e
           where e.notice_id = n.id and e.type = 'SIGNED_OFF_AND_SENT'),
         n.sent_at)
 where n.sent_at is not null;

-- Newest first, a page at a time; by status; by decision date; by outgoing number text.
create index block_notice_received on block_notice (received_at desc, id desc)
    where received_at is not null;
create index block_notice_status_received on block_notice (status, received_at desc, id desc)
    where received_at is not null;
create index block_notice_decided on block_notice (decided_at desc) where decided_at is not null;
-- The outgoing number's trigram index (block_notice_number_trgm) comes from V6_1_1.
-- URL text goes through case_resource's trigram index, then block_notice_resource (resource_id).
