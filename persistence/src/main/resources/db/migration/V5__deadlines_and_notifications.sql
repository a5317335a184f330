-- Deadlines per step (reference data administrators change, not code), the holidays working
-- days skip, and the notifications of the people who must act: an in-portal inbox and e-mail
-- through a transactional outbox (written with the hand-over, sent after it commits).

create table deadline_rule (
    step          varchar(40)  primary key,
    days          integer      not null check (days > 0),
    working_days  boolean      not null
);

insert into deadline_rule (step, days, working_days) values
 ('SIGN_OFF', 1, true),
 ('MINISTRY_DECISION', 2, false),
 ('AGENCY_ANSWER', 2, true);

create table holiday (
    day   date          primary key,
    name  varchar(200)  not null
);

insert into holiday (day, name) values
 ('2026-01-01', 'New Year'), ('2026-01-02', 'New Year'), ('2026-01-07', 'Orthodox Christmas'),
 ('2026-03-08', 'International Women''s Day'), ('2026-03-21', 'Nauryz'), ('2026-03-22', 'Nauryz'),
 ('2026-03-23', 'Nauryz'), ('2026-05-01', 'Unity Day'), ('2026-05-07', 'Defender of the Fatherland Day'),
 ('2026-05-09', 'Victory Day'), ('2026-07-06', 'Capital Day'), ('2026-08-30', 'Constitution Day'),
 ('2026-10-25', 'Republic Day'), ('2026-12-16', 'Independence Day'),
 ('2027-01-01', 'New Year'), ('2027-01-02', 'New Year'), ('2027-01-07', 'Orthodox Christmas'),
 ('2027-03-08', 'International Women''s Day'), ('2027-03-21', 'Nauryz'), ('2027-03-22', 'Nauryz'),
 ('2027-03-23', 'Nauryz'), ('2027-05-01', 'Unity Day'), ('2027-05-07', 'Defender of the Fatherland Day'),
 ('2027-05-09', 'Victory Day'), ('2027-07-06', 'Capital Day'), ('2027-08-30', 'Constitution Day'),
 ('2027-10-25', 'Republic Day'), ('2027-12-16', 'Independence Day');

alter table block_notice
    add column due_at            timestamptz,
    add column overdue_notified  boolean not null default false;

create index block_notice_due on block_notice (due_at) where due_at is not null;

-- Roles as the identity provider last reported them: who must act is found by role.
alter table portal_user add column roles varchar(300);

create sequence portal_notification_seq increment by 50;

create table portal_notification (
    id           bigint        primary key,
    recipient    varchar(100)  not null,
    created_at   timestamptz   not null,
    message_key  varchar(100)  not null,
    argument     varchar(300),
    link         varchar(300),
    read_at      timestamptz
);

create index portal_notification_recipient on portal_notification (recipient, read_at, created_at desc);

create sequence mail_outbox_seq increment by 50;

create table mail_outbox (
    id               bigint        primary key,
    recipient        varchar(200)  not null,
    subject          varchar(300)  not null,
    body             text          not null,
    created_at       timestamptz   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    sent_at          timestamptz,
    last_error       varchar(1000)
);

create index mail_outbox_pending on mail_outbox (next_attempt_at) where sent_at is null;
