-- Foundation schema: users seen at sign-in, reference categories, cases with their
-- resources, evidence and history. All times are timestamptz in UTC.

create extension if not exists pg_trgm;

create table portal_user (
    username          varchar(100) primary key,
    full_name         varchar(200),
    email             varchar(200),
    organisation      varchar(50),
    locale            varchar(8),
    first_sign_in_at  timestamptz  not null,
    last_sign_in_at   timestamptz  not null
);

-- Categories are reference data (administrators may add or retire them), not code.
create table category (
    code                 varchar(50)  primary key,
    name_kk              varchar(200) not null,
    name_ru              varchar(200) not null,
    name_en              varchar(200) not null,
    -- evidence of such cases is never shown as a thumbnail or preview
    restricted_evidence  boolean      not null default false,
    active               boolean      not null default true,
    position             integer      not null
);

insert into category (code, name_kk, name_ru, name_en, restricted_evidence, position) values
 ('ILLEGAL_GAMBLING',  'Заңсыз ойын бизнесі', 'Незаконный игорный бизнес', 'Illegal gambling', false, 10),
 ('FINANCIAL_PYRAMID', 'Қаржы пирамидасы', 'Финансовая пирамида', 'Financial pyramid', false, 20),
 ('DEEPFAKE',          'Дипфейк', 'Дипфейк', 'Deepfake', false, 30),
 ('FAKE_ENGAGEMENT',   'Жасанды белсенділік (боттар, жалған аккаунттар)', 'Накрутка (боты, фейковые аккаунты)', 'Fake engagement (bots, fake accounts)', false, 40),
 ('DISINFORMATION',    'Жалған ақпарат', 'Дезинформация', 'Disinformation', false, 50),
 ('CSAM',              'Балаларға қатысты жыныстық зорлық-зомбылық материалдары', 'Материалы сексуального насилия над детьми', 'Child sexual abuse material', true, 60),
 ('OTHER_PROHIBITED',  'Басқа тыйым салынған контент', 'Иной запрещённый контент', 'Other prohibited content', false, 70);

-- One row per organisation and year; incremented in the registering transaction, so a
-- rolled-back registration gives its number back (numbers stay gap-free).
create table registration_counter (
    organisation  varchar(50) not null,
    year          integer     not null,
    last_value    bigint      not null,
    primary key (organisation, year)
);

create sequence violation_case_seq increment by 50;

create table violation_case (
    id                   bigint       primary key,
    version              bigint       not null,
    registration_number  varchar(40)  not null unique,
    organisation         varchar(50)  not null,
    status               varchar(40)  not null,
    category_code        varchar(50)  not null references category (code),
    description          text         not null,
    detected_at          timestamptz  not null,
    registered_at        timestamptz  not null,
    registered_by        varchar(100) not null,
    -- the form's one-time key: a double-submitted form cannot create a second case
    submission_key       uuid         not null unique
);

create index violation_case_org_registered on violation_case (organisation, registered_at desc, id desc);
create index violation_case_org_status on violation_case (organisation, status, registered_at desc);
create index violation_case_org_category on violation_case (organisation, category_code, registered_at desc);

create sequence case_resource_seq increment by 50;

create table case_resource (
    id              bigint        primary key,
    case_id         bigint        not null references violation_case (id),
    position        integer       not null,
    url_original    varchar(2048) not null,
    url_normalized  varchar(2048) not null,
    host            varchar(255)  not null,
    platform        varchar(20)   not null,
    unique (case_id, position)
);

create index case_resource_normalized on case_resource (url_normalized);
-- the case list filters by text anywhere in the URL, as entered or normalised
create index case_resource_original_trgm on case_resource using gin (lower(url_original) gin_trgm_ops);
create index case_resource_normalized_trgm on case_resource using gin (lower(url_normalized) gin_trgm_ops);
create index case_resource_platform on case_resource (platform, case_id);

create sequence evidence_seq increment by 50;

create table evidence (
    id              bigint        primary key,
    case_id         bigint        not null references violation_case (id),
    position        integer       not null,
    file_name       varchar(255)  not null,
    media_type      varchar(100)  not null,
    size_bytes      bigint        not null,
    sha256          char(64)      not null,
    width           integer,
    height          integer,
    captured_by     varchar(100)  not null,
    captured_at     timestamptz   not null,
    capture_method  varchar(100)  not null,
    client_address  varchar(64),
    unique (case_id, position)
);

create index evidence_sha256 on evidence (sha256);

create sequence case_event_seq increment by 50;

create table case_event (
    id           bigint       primary key,
    case_id      bigint       not null references violation_case (id),
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    type         varchar(40)  not null,
    from_status  varchar(40),
    to_status    varchar(40),
    detail       text
);

create index case_event_case on case_event (case_id, occurred_at);

-- Chain of custody: every later access to an evidence file.
create sequence evidence_access_seq increment by 50;

create table evidence_access (
    id              bigint       primary key,
    evidence_id     bigint       not null references evidence (id),
    accessed_at     timestamptz  not null,
    username        varchar(100) not null,
    action          varchar(20)  not null,
    client_address  varchar(64)
);

create index evidence_access_evidence on evidence_access (evidence_id, accessed_at);
