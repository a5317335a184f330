-- Trusted timestamps (RFC 3161): a token from a time-stamping authority for every evidence file's
-- SHA-256 and, daily, for the head of the audit chain. A row waits (token null) until the
-- authority answers; the timer on any node takes due rows with FOR UPDATE SKIP LOCKED and tries
-- again later, waiting longer each time, while the authority is unreachable.

create table trusted_timestamp (
    id               bigserial     primary key,
    subject          varchar(20)   not null check (subject in ('EVIDENCE', 'AUDIT_HEAD')),
    sha256           char(64)      not null,
    -- an audit head: the entry whose hash was stamped and the (Almaty) day it was stamped for
    audit_seq        bigint,
    audit_day        date,
    requested_at     timestamptz   not null default now(),
    -- the token (DER, a CMS SignedData) and what it says
    token            bytea,
    stamped_at       timestamptz,
    serial           varchar(100),
    authority        varchar(500),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       text,
    unique (subject, sha256),
    check ((token is null) = (stamped_at is null)),
    check ((subject = 'AUDIT_HEAD') = (audit_seq is not null and audit_day is not null))
);

create unique index trusted_timestamp_audit_day on trusted_timestamp (audit_day)
    where subject = 'AUDIT_HEAD';
create index trusted_timestamp_due on trusted_timestamp (next_attempt_at) where token is null;

-- Every evidence file kept, whichever way it came (a form, the triage queue, a capture), asks for
-- a timestamp of its content in the transaction that keeps it. One token serves every evidence
-- row of the same content.
create function evidence_wants_timestamp() returns trigger language plpgsql as $$
begin
    insert into trusted_timestamp (subject, sha256)
    select distinct 'EVIDENCE', n.sha256 from new_evidence n
    on conflict do nothing;
    return null;
end;
$$;

create trigger evidence_timestamp after insert on evidence
    referencing new table as new_evidence
    for each statement execute function evidence_wants_timestamp();

-- Evidence kept before timestamps existed gets one too.
insert into trusted_timestamp (subject, sha256)
select distinct 'EVIDENCE', sha256 from evidence
on conflict do nothing;
