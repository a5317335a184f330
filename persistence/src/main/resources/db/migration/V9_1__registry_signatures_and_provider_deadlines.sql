-- What a provider received: every export's SHA-256, size and the ministry's detached CMS
-- signature of its bytes, kept with the fetch (proof of what was fetched; the provider downloads
-- the signature from there).
alter table registry_fetch
    add column sha256    char(64),
    add column bytes     bigint,
    add column signature bytea;

-- Providers' deadlines to apply a change are reference data like the procedure's, in hours: an
-- urgent change (child sexual abuse material) within 1 hour, any other within 24.
alter table deadline_rule
    add column unit varchar(5) not null default 'DAYS' check (unit in ('DAYS', 'HOURS'));
insert into deadline_rule (step, days, working_days, unit, version) values
 ('PROVIDER_URGENT', 1, false, 'HOURS', 0),
 ('PROVIDER_ROUTINE', 24, false, 'HOURS', 0);

-- A provider flagged overdue for a version it had not applied in time: one row per provider and
-- version, so that of all the nodes' timers exactly one tells the officers.
create table provider_overdue (
    provider_code  varchar(50) not null references provider (code),
    version        bigint      not null,
    urgent         boolean     not null,
    due_at         timestamptz not null,
    flagged_at     timestamptz not null,
    primary key (provider_code, version)
);

-- The registry page: all entries newest first, and a search by decision number.
create index registry_entry_blocked_at on registry_entry (blocked_at desc, id desc);
create index registry_entry_decision on registry_entry (lower(decision_number));
