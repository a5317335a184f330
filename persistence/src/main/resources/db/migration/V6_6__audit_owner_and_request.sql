-- Each entry also names the organisation that owns the data it is about (a ministry officer
-- downloading the agency's evidence is the agency's business too) and, for requests refused at
-- the door, the address asked for with its query. Both take part in the entry's hash; entries
-- written before this change have neither, and their hashes stay as they were.
alter table audit_entry add column owner_organisation varchar(50);
alter table audit_entry add column requested_url text;

create index audit_entry_owner_seq on audit_entry (owner_organisation, seq desc);
create index audit_entry_org_seq on audit_entry (organisation, seq desc);
