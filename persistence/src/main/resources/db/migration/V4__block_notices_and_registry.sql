-- Block notifications from the agency to the ministry, the ministry's decision on each
-- resource, and the registry of restricted resources for internet providers.

create sequence block_notice_seq increment by 50;

create table block_notice (
    id                  bigint        primary key,
    version             bigint        not null,
    case_id             bigint        not null references violation_case (id),
    organisation        varchar(50)   not null,
    status              varchar(30)   not null,
    round               integer       not null,
    legal_basis         varchar(1000) not null,
    justification       text          not null,
    drafted_by          varchar(100)  not null,
    drafted_at          timestamptz   not null,
    submitted_at        timestamptz,
    reviewed_by         varchar(100),
    review_comment      text,
    outgoing_number     varchar(40)   unique,
    sent_at             timestamptz,
    decided_at          timestamptz
);

create index block_notice_case on block_notice (case_id);
create index block_notice_org_status on block_notice (organisation, status, submitted_at);
create index block_notice_status_sent on block_notice (status, sent_at);

create sequence block_notice_resource_seq increment by 50;

create table block_notice_resource (
    id               bigint        primary key,
    notice_id        bigint        not null references block_notice (id),
    resource_id      bigint        not null references case_resource (id),
    decision         varchar(20)   check (decision in ('BLOCK', 'REFUSE', 'RETURN')),
    decision_number  varchar(100),
    decision_date    date,
    reason           text,
    answer           text,
    decided_by       varchar(100),
    decided_at       timestamptz,
    unique (notice_id, resource_id)
);

create index block_notice_resource_resource on block_notice_resource (resource_id);

create table block_notice_evidence (
    notice_id    bigint not null references block_notice (id),
    evidence_id  bigint not null references evidence (id),
    primary key (notice_id, evidence_id)
);

create index block_notice_evidence_evidence on block_notice_evidence (evidence_id);

create sequence notice_event_seq increment by 50;

create table notice_event (
    id           bigint       primary key,
    notice_id    bigint       not null references block_notice (id),
    round        integer      not null,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    organisation varchar(50)  not null,
    type         varchar(40)  not null,
    detail       text
);

create index notice_event_notice on notice_event (notice_id, occurred_at);

-- Outgoing numbers of notifications: gap-free per organisation and year, like case numbers.
create table notice_counter (
    organisation  varchar(50) not null,
    year          integer     not null,
    last_value    bigint      not null,
    primary key (organisation, year)
);

create sequence registry_entry_seq increment by 50;

create table registry_entry (
    id               bigint        primary key,
    version          bigint        not null,
    resource_id      bigint        not null references case_resource (id),
    notice_id        bigint        not null references block_notice (id),
    url              varchar(2048) not null,
    url_normalized   varchar(2048) not null,
    decision_number  varchar(100)  not null,
    decision_date    date          not null,
    issuing_body     varchar(50)   not null,
    blocked_at       timestamptz   not null,
    blocked_by       varchar(100)  not null,
    active           boolean       not null,
    lifted_at        timestamptz,
    lifted_by        varchar(100),
    lift_reason      text
);

create index registry_entry_active on registry_entry (active, blocked_at desc);
create index registry_entry_normalized on registry_entry (url_normalized);
create index registry_entry_url_trgm on registry_entry using gin (lower(url_normalized) gin_trgm_ops);
-- A resource is blocked at most once at a time.
create unique index registry_entry_one_active on registry_entry (resource_id) where active;
