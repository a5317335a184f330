-- Suppression rules: an agency's administrators drop or auto-dismiss detections of a host, of a
-- URL pattern (a glob on the normalised URL) or of a source, until an end date; each rule
-- counts what it suppressed (updated once per intake batch).

create sequence suppression_rule_seq increment by 50;

create table suppression_rule (
    id                  bigint        primary key,
    version             bigint        not null,
    organisation        varchar(50)   not null,
    kind                varchar(20)   not null check (kind in ('HOST', 'URL_PATTERN', 'SOURCE')),
    pattern             varchar(2048) not null,
    action              varchar(20)   not null check (action in ('DROP', 'DISMISS')),
    reason              varchar(1000) not null,
    -- the last day (Almaty) it applies; a rule never applies for ever
    ends_on             date          not null,
    created_by          varchar(100)  not null,
    created_at          timestamptz   not null,
    retired_by          varchar(100),
    retired_at          timestamptz,
    suppressed_count    bigint        not null default 0,
    last_suppressed_at  timestamptz
);

create index suppression_rule_active on suppression_rule (organisation, ends_on) where retired_at is null;
create index suppression_rule_list on suppression_rule (organisation, created_at desc, id desc);

alter table detection add constraint detection_suppression_rule
    foreign key (suppression_rule_id) references suppression_rule (id);
alter table triage_item add constraint triage_item_suppression_rule
    foreign key (suppression_rule_id) references suppression_rule (id);

-- Reports a DISMISS rule catches gather on one dismissed item per URL and rule.
create unique index triage_item_one_suppressed on triage_item (organisation, url_normalized, suppression_rule_id)
    where status = 'DISMISSED' and suppression_rule_id is not null;
create index detection_suppression_rule on detection (suppression_rule_id) where suppression_rule_id is not null;
