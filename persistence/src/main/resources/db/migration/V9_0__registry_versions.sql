-- The registry as providers read it: a version that grows with every change (a block, a lift, a
-- correction), each entry stamped with the version that included it and the one that changed it
-- last, so that a delta since N is the entries changed after N.

-- One row. A change takes its version by updating it: the row lock is held until the change
-- commits, so versions become visible in their order and a reader that sees version N sees every
-- change up to N.
create table registry_state (
    id          smallint    primary key check (id = 1),
    version     bigint      not null,
    changed_at  timestamptz not null
);

create table registry_change (
    version     bigint       primary key,
    changed_at  timestamptz  not null,
    kind        varchar(20)  not null check (kind in ('BLOCK', 'LIFT', 'CORRECTION', 'MIGRATION')),
    entries     integer      not null,
    urgent      boolean      not null,
    changed_by  varchar(100) not null
);

alter table registry_entry
    add column host             varchar(255),
    add column block_type       varchar(10)  not null default 'URL'
                                check (block_type in ('URL', 'DOMAIN', 'IP')),
    add column urgent           boolean      not null default false,
    add column notice_number    varchar(40),
    add column included_version bigint,
    add column changed_version  bigint,
    add column lifted_version   bigint,
    add column content_hash     char(64);

-- Urgent: the categories whose blocks providers must apply within the urgent deadline.
alter table category add column urgent_blocking boolean not null default false;
update category set urgent_blocking = true where code = 'CSAM';

-- What exists becomes version 1 (or the registry stays at 0 when empty).
insert into registry_state (id, version, changed_at)
select 1, case when exists (select 1 from registry_entry) then 1 else 0 end, now();
insert into registry_change (version, changed_at, kind, entries, urgent, changed_by)
select 1, now(), 'MIGRATION', count(*), false, 'migration' from registry_entry having count(*) > 0;

update registry_entry e
   set host = r.host,
       notice_number = coalesce(n.outgoing_number, 'N-' || n.id),
       urgent = coalesce(c.urgent_blocking, false),
       included_version = 1,
       changed_version = 1,
       lifted_version = case when e.active then null else 1 end
  from case_resource r
  join violation_case vc on vc.id = r.case_id
  left join category c on c.code = vc.category_code,
       block_notice n
 where r.id = e.resource_id and n.id = e.notice_id;

-- The entry's hash: SHA-256 (hex) of its content as providers receive it, the fields joined by
-- U+001F in this order; documented in registry-v1.xsd. Kept by a trigger, so that every path that
-- writes entries (one decision, a bulk decision, a correction) hashes them the same way.
create function registry_entry_hash(e registry_entry) returns char(64)
language sql immutable as $$
  select encode(sha256(convert_to(concat_ws(chr(31),
           e.id::text, e.url, e.url_normalized, e.host, e.block_type, e.decision_number,
           to_char(e.decision_date, 'YYYY-MM-DD'), e.issuing_body, e.notice_number,
           to_char(e.blocked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           e.urgent::text), 'UTF8')), 'hex')
$$;

create function registry_entry_rehash() returns trigger
language plpgsql as $$
begin
  new.content_hash := registry_entry_hash(new);
  return new;
end
$$;

update registry_entry e set content_hash = registry_entry_hash(e);

alter table registry_entry
    alter column host set not null,
    alter column notice_number set not null,
    alter column included_version set not null,
    alter column changed_version set not null,
    alter column content_hash set not null;

create trigger registry_entry_hash before insert or update on registry_entry
    for each row execute function registry_entry_rehash();

-- A delta: the entries changed after a version, in id order.
create index registry_entry_changed on registry_entry (changed_version, id);
-- The full snapshot: the active entries in id order.
create index registry_entry_active_id on registry_entry (id) where active;

-- Internet providers: a third kind of organisation, whose systems read the registry API with their
-- own Keycloak client (client credentials) and nothing else.
create table provider (
    code             varchar(50)  primary key,
    name             varchar(200) not null,
    client_id        varchar(100) not null unique,
    active           boolean      not null default true,
    fetched_version  bigint,
    fetched_at       timestamptz,
    applied_version  bigint,
    applied_at       timestamptz
);
insert into provider (code, name, client_id)
values ('demo-isp', 'Demo internet provider', 'dozor-provider-demo');

-- Every export a provider fetched (what it got), and every "applied version N" it confirmed.
create sequence registry_fetch_seq increment by 50;
create table registry_fetch (
    id             bigint      primary key,
    provider_code  varchar(50) not null references provider (code),
    version        bigint      not null,
    since          bigint,
    format         varchar(10) not null,
    fetched_at     timestamptz not null
);
create index registry_fetch_provider on registry_fetch (provider_code, version);
create index registry_fetch_at on registry_fetch (fetched_at desc);

create sequence registry_ack_seq increment by 50;
create table registry_ack (
    id             bigint      primary key,
    provider_code  varchar(50) not null references provider (code),
    version        bigint      not null,
    acked_at       timestamptz not null
);
create index registry_ack_provider on registry_ack (provider_code, acked_at desc);

create index registry_entry_resource on registry_entry (resource_id, notice_id);
