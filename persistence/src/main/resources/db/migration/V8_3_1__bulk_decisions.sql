-- Notifications with thousands of resources: their page filters them by decision state, a bulk
-- decision finds the undecided ones of a notification, and each resource's registry entry is
-- found by notification and resource (before this, by a scan of the whole registry).
create index block_notice_resource_notice_decision on block_notice_resource (notice_id, decision, id);
create index registry_entry_notice on registry_entry (notice_id, resource_id);
