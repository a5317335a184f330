-- The notification as documents: the language of its official letter, chosen on the notification,
-- and what its sign-off produced: the letter (PDF), the manifest of the package (JSON: every
-- file's name, size, SHA-256, capture details, timestamp token) and the agency's detached CMS
-- signature of the manifest. Kept in the database with the sign-off (one transaction: a sign-off
-- that fails leaves no letter behind); the evidence files stay in the evidence store.

alter table block_notice add column letter_language varchar(2) not null default 'ru'
    check (letter_language in ('kk', 'ru', 'en'));

create table notice_package (
    notice_id           bigint        primary key references block_notice (id),
    language            varchar(2)    not null,
    letter              bytea         not null,
    letter_sha256       char(64)      not null,
    manifest            bytea         not null,
    manifest_signature  bytea         not null,
    signer              varchar(500)  not null,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null
);

-- Chain of custody: why a file was opened where a reason is asked (restricted evidence), and
-- exports (a file handed out inside a notification package).
alter table evidence_access add column reason text;
