-- Captures of web pages by the server's headless browser. A request waits in this table (status
-- QUEUED) until a node takes it; the nodes together run at most N at once (a transaction-scoped
-- advisory lock around the count and the claim); a capture whose node died (RUNNING for too long)
-- is queued again, three times at most. What a capture found is kept as the case's evidence
-- (evidence.capture_id ties its files together) and summarised here.

create table capture_request (
    id               bigserial     primary key,
    case_id          bigint        not null references violation_case (id),
    url              text          not null,
    requested_by     varchar(100)  not null,
    requested_at     timestamptz   not null,
    client_address   varchar(64),
    status           varchar(20)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts         integer       not null default 0,
    started_at       timestamptz,
    finished_at      timestamptz,
    node             varchar(200),
    failure          text,
    final_url        text,
    http_status      integer,
    remote_address   varchar(64),
    browser_version  varchar(200)
);

create index capture_request_case on capture_request (case_id, id);
create index capture_request_queued on capture_request (id) where status = 'QUEUED';
create index capture_request_running on capture_request (started_at) where status = 'RUNNING';

alter table evidence add column capture_id bigint references capture_request (id);
create index evidence_capture on evidence (capture_id) where capture_id is not null;

-- Internal targets an administrator allows captures to reach (the tests' fixture site on
-- localhost, an intranet mirror): a host name, an address or a CIDR range. Never deleted: removed.
create table capture_allowed_target (
    id          bigserial      primary key,
    target      varchar(255)   not null,
    note        varchar(1000)  not null,
    added_by    varchar(100)   not null,
    added_at    timestamptz    not null,
    removed_by  varchar(100),
    removed_at  timestamptz
);

create unique index capture_allowed_target_active on capture_allowed_target (lower(target))
    where removed_at is null;
