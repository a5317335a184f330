-- File imports of detections (CSV or XLSX) by investigators, processed by a Jakarta Batch job,
-- with every rejected row and its reason.

create sequence intake_import_seq increment by 50;

create table intake_import (
    id              bigint        primary key,
    version         bigint        not null,
    organisation    varchar(50)   not null,
    imported_by     varchar(100)  not null,
    file_name       varchar(255)  not null,
    file_type       varchar(10)   not null check (file_type in ('CSV', 'XLSX')),
    file_bytes      bigint        not null,
    file_sha256     char(64)      not null,
    -- QUEUED (stored, job not started), RUNNING, COMPLETED, FAILED (the job stopped on an
    -- error), INTERRUPTED (a node died and the job could not be resumed: counts say what was done)
    status          varchar(20)   not null
                    check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED')),
    job_execution_id bigint,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    -- data rows of the file (the header not counted), known on upload
    rows_total      bigint        not null,
    rows_read       bigint        not null default 0,
    accepted        bigint        not null default 0,
    merged          bigint        not null default 0,
    suppressed      bigint        not null default 0,
    rejected        bigint        not null default 0,
    -- each chunk written says the job is alive; a stale one on a RUNNING import means its node died
    heartbeat_at    timestamptz,
    resumes         integer       not null default 0,
    failure         varchar(1000)
);

create index intake_import_mine on intake_import (organisation, imported_by, created_at desc);
create index intake_import_unfinished on intake_import (status, heartbeat_at)
    where status in ('QUEUED', 'RUNNING');

create table intake_import_rejection (
    import_id   bigint        not null references intake_import (id),
    row_number  bigint        not null,
    problem     varchar(100)  not null,
    detail      varchar(1000),
    url         varchar(2048),
    -- a row read again after a resume replaces its earlier answer
    primary key (import_id, row_number)
);

alter table detection add constraint detection_import
    foreign key (import_id) references intake_import (id);
