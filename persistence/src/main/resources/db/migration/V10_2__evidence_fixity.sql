-- Fixity: every kept content is hashed again, when it is served and by a scheduled check on any
-- node (rows taken with FOR UPDATE SKIP LOCKED, the longest unchecked first). A content whose file
-- no longer has its SHA-256 (changed or missing) is marked damaged, with what was found: it is
-- never served as if intact, its cases show it, and the administrators are told once.

create table evidence_fixity (
    sha256      char(64)     primary key,
    checked_at  timestamptz  not null,
    damaged_at  timestamptz,
    detail      text
);

create index evidence_fixity_due on evidence_fixity (checked_at);

create function evidence_wants_fixity() returns trigger language plpgsql as $$
begin
    insert into evidence_fixity (sha256, checked_at)
    select distinct n.sha256, now() from new_evidence n
    on conflict do nothing;
    return null;
end;
$$;

create trigger evidence_fixity after insert on evidence
    referencing new table as new_evidence
    for each statement execute function evidence_wants_fixity();

-- Evidence kept before: checked first (the oldest time there is).
insert into evidence_fixity (sha256, checked_at)
select distinct sha256, '-infinity'::timestamptz from evidence
on conflict do nothing;
