-- Inbox messages are stored as a message key and its parameters (a JSON array of strings) and
-- rendered in the reader's language when read. The single argument of earlier messages becomes
-- their one parameter.
alter table portal_notification add column parameters text;

update portal_notification
   set parameters = case when argument is null then '[]' else jsonb_build_array(argument)::text end;

alter table portal_notification alter column parameters set not null;
alter table portal_notification drop column argument;

-- Messages about one subject (a notification) are found by their link when that work is done.
create index portal_notification_link on portal_notification (link) where read_at is null;
