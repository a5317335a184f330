-- Intake: candidate detections reported by monitoring systems (by API or by file import)
-- and the triage queue where people turn them into cases or dismiss them.
--
-- A detection is one report as received. A triage item is one URL (by its normalised form)
-- waiting for a person: reports of a URL that is already pending, in an open case or
-- actively restricted are attached to what exists instead of creating new work.

create sequence triage_item_seq increment by 50;

create table triage_item (
    id                bigint        primary key,
    version           bigint        not null,
    -- the organisation whose people triage it (detectors are bound to one)
    organisation      varchar(50)   not null,
    status            varchar(20)   not null check (status in ('PENDING', 'CASED', 'DISMISSED')),
    url_original      varchar(2048) not null,
    url_normalized    varchar(2048) not null,
    host              varchar(255)  not null,
    platform          varchar(20)   not null,
    -- the latest category guess of a report that had one
    category_code     varchar(50)   references category (code),
    -- the highest score reported, 0..1
    score             numeric(5, 4),
    first_seen_at     timestamptz   not null,
    last_seen_at      timestamptz   not null,
    seen_count        integer       not null,
    source_count      integer       not null,
    -- a report with a screenshot, whose file becomes evidence when a case is made
    screenshot_detection_id bigint,
    -- who took it to work on, until when (others leave it alone meanwhile)
    taken_by          varchar(100),
    taken_until       timestamptz,
    case_id           bigint        references violation_case (id),
    dismissal_reason  varchar(1000),
    -- the suppression rule that dismissed it, when one did
    suppression_rule_id bigint,
    resolved_by       varchar(100),
    resolved_at       timestamptz
);

-- One pending item per URL and organisation: the target of de-duplication.
create unique index triage_item_one_pending on triage_item (organisation, url_normalized)
    where status = 'PENDING';
create index triage_item_queue_last_seen on triage_item (organisation, status, last_seen_at desc, id desc);
create index triage_item_queue_first_seen on triage_item (organisation, status, first_seen_at desc, id desc);
create index triage_item_queue_score on triage_item (organisation, status, score desc nulls last, id desc);
create index triage_item_queue_seen on triage_item (organisation, status, seen_count desc, id desc);
create index triage_item_host on triage_item (organisation, host, status);
create index triage_item_category on triage_item (organisation, category_code, status, last_seen_at desc);
create index triage_item_platform on triage_item (organisation, platform, status, last_seen_at desc);
create index triage_item_url_trgm on triage_item using gin (lower(url_normalized) gin_trgm_ops);
create index triage_item_case on triage_item (case_id) where case_id is not null;

create sequence detection_seq increment by 1000;

create table detection (
    id                  bigint        primary key,
    organisation        varchar(50)   not null,
    -- the monitoring system as it names itself, and its own id of the report
    source_system       varchar(100)  not null,
    source_ref          varchar(200)  not null,
    -- who delivered it: the Keycloak client of a detector, or the user of a file import
    received_from       varchar(100)  not null,
    received_at         timestamptz   not null,
    detected_at         timestamptz   not null,
    url_original        varchar(2048) not null,
    url_normalized      varchar(2048) not null,
    host                varchar(255)  not null,
    platform            varchar(20)   not null,
    category_code       varchar(50)   references category (code),
    score               numeric(5, 4),
    note                varchar(4000),
    screenshot_sha256   char(64),
    screenshot_type     varchar(100),
    screenshot_bytes    bigint,
    screenshot_name     varchar(255),
    screenshot_width    integer,
    screenshot_height   integer,
    -- what it was attached to: a triage item, an open case's resource, or an active block
    triage_item_id      bigint        references triage_item (id),
    case_resource_id    bigint        references case_resource (id),
    registry_entry_id   bigint        references registry_entry (id),
    -- the rule that suppressed it, when one did (then it is attached to nothing, or to a dismissed item)
    suppression_rule_id bigint,
    -- the file import it came from, when it came from one
    import_id           bigint,
    import_row          bigint,
    unique (source_system, source_ref)
);

create index detection_triage_item on detection (triage_item_id, source_system) where triage_item_id is not null;
create index detection_case_resource on detection (case_resource_id, source_system) where case_resource_id is not null;
create index detection_registry_entry on detection (registry_entry_id, source_system) where registry_entry_id is not null;
create index detection_received on detection (organisation, received_at desc);

alter table triage_item add constraint triage_item_screenshot
    foreign key (screenshot_detection_id) references detection (id);
