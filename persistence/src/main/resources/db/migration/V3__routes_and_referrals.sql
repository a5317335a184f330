-- Routing a case (criminal referral, administrative referral, blocking, dismissal), the
-- referral to a competent body with its outcome, and closing.

-- Bodies a case can be referred to: reference data that administrators maintain.
create table recipient_body (
    code      varchar(50)  primary key,
    kind      varchar(20)  not null check (kind in ('CRIMINAL', 'ADMINISTRATIVE')),
    name_kk   varchar(300) not null,
    name_ru   varchar(300) not null,
    name_en   varchar(300) not null,
    active    boolean      not null default true,
    position  integer      not null
);

insert into recipient_body (code, kind, name_kk, name_ru, name_en, position) values
 ('AFM_INVESTIGATIONS', 'CRIMINAL',
  'ҚМА Тергеу департаменті', 'Департамент расследований АФМ', 'AFM Investigations Department', 10),
 ('POLICE', 'CRIMINAL',
  'ҚР Ішкі істер министрлігі (полиция)', 'Министерство внутренних дел РК (полиция)', 'Ministry of Internal Affairs (police)', 20),
 ('GAMBLING_REGULATOR', 'ADMINISTRATIVE',
  'ҚР Туризм және спорт министрлігі (ойын бизнесі)', 'Министерство туризма и спорта РК (игорный бизнес)', 'Ministry of Tourism and Sports (gambling)', 30),
 ('FINANCIAL_REGULATOR', 'ADMINISTRATIVE',
  'Қаржы нарығын реттеу және дамыту агенттігі', 'Агентство по регулированию и развитию финансового рынка', 'Agency for Regulation and Development of the Financial Market', 40),
 ('MCI_MEDIA', 'ADMINISTRATIVE',
  'ҚР Мәдениет және ақпарат министрлігі', 'Министерство культуры и информации РК', 'Ministry of Culture and Information', 50);

alter table violation_case
    add column crime_signs       boolean,
    add column prohibited_by     varchar(10) check (prohibited_by in ('NONE', 'LAW', 'COURT')),
    add column legal_reference   varchar(1000),
    add column dismissal_reason  text,
    add column status_changed_at timestamptz,
    add column closed_at         timestamptz;

update violation_case set status_changed_at = registered_at where status_changed_at is null;
alter table violation_case alter column status_changed_at set not null;

create table referral (
    case_id          bigint        primary key references violation_case (id),
    version          bigint        not null,
    body_code        varchar(50)   not null references recipient_body (code),
    letter_number    varchar(100)  not null,
    letter_date      date          not null,
    sent_by          varchar(100)  not null,
    recorded_at      timestamptz   not null,
    outcome          varchar(30)   check (outcome in ('PROCEEDINGS_OPENED', 'PROCEEDINGS_REFUSED',
                                                      'PENALTY_IMPOSED', 'PENALTY_REFUSED')),
    penalty_mrp      numeric(12, 2),
    outcome_comment  text,
    outcome_by       varchar(100),
    outcome_at       timestamptz
);


-- The case list also sorts by detection time.
create index violation_case_org_detected on violation_case (organisation, detected_at desc, id desc);
