-- Append-only audit log. Each entry carries the hash of the one before it, so an edited,
-- deleted or reordered entry breaks the chain and the verification finds it.

create table audit_entry (
    seq             bigint        primary key,
    occurred_at     timestamptz   not null,
    actor           varchar(100)  not null,
    organisation    varchar(50),
    action          varchar(40)   not null,
    subject_type    varchar(40),
    subject_id      varchar(100),
    detail          text,
    client_address  varchar(64),
    prev_hash       char(64)      not null,
    hash            char(64)      not null unique
);

create index audit_entry_org_time on audit_entry (organisation, occurred_at desc);
create index audit_entry_subject on audit_entry (subject_type, subject_id);

-- The head of the chain: one row, locked by every writer until its transaction ends, so two
-- writers can never both extend the same entry (the chain never forks).
create table audit_head (
    id         integer   primary key check (id = 1),
    last_seq   bigint    not null,
    last_hash  char(64)  not null
);

insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;

create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- Results of the chain verification (scheduled and on demand).
create sequence audit_verification_seq increment by 1;

create table audit_verification (
    id            bigint       primary key,
    verified_at   timestamptz  not null,
    verified_by   varchar(100) not null,
    intact        boolean      not null,
    checked       bigint       not null,
    broken_at     bigint,
    problem       varchar(200)
);
