-- Dozor benchmark data: a national-scale year (and more) in the bench database.
--   psql -v cases=1000000 -v detections=10000000 -v bulk=5000 -f bench/generate.sql
-- Run against a database the portal has migrated (Flyway at boot); it replaces the domain data.
--
-- Shapes: each case has two resources; a URL space of hosts shared by many cases (so URL
-- filters match many); triage items for 30% of the detections' URLs; 85% of detections attached
-- to triage items, the rest to case resources; active blocks for a fifth of the blocking cases.
-- One extra case with :bulk resources and a sent notification of all of them feeds the bulk
-- decision benchmark. Secondary indexes are dropped during the load and rebuilt after it, with
-- exactly their migrated definitions (pg_get_indexdef), as a bulk load is done in production.
\set ON_ERROR_STOP on
\timing on

truncate violation_case, case_resource, case_event, evidence, evidence_access, block_notice,
  block_notice_resource, block_notice_evidence, notice_event, registry_entry, triage_item,
  detection restart identity cascade;

-- Foreign keys are known to hold for generated rows; skip their per-row checks.
set session_replication_role = replica;

create temp table bench_saved_index as
  select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class t on t.oid = i.indrelid
   where t.relname in ('violation_case', 'case_resource', 'registry_entry', 'triage_item',
                       'detection', 'block_notice', 'block_notice_resource')
     and not i.indisprimary
     and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do $$ declare r record; begin
  for r in select name from bench_saved_index loop execute 'drop index ' || r.name; end loop;
end $$;

-- Cases: one every minute from December 2024.
insert into violation_case (id, version, registration_number, organisation, status, category_code,
    description, detected_at, registered_at, registered_by, submission_key, status_changed_at)
select g, 0,
       'AFM-' || (2024 + g / 500001) || '-' || lpad(g::text, 7, '0'),
       'afm',
       (array['REGISTERED','REGISTERED','BLOCKING','BLOCKING','BLOCKING','CRIMINAL_REFERRAL',
              'ADMINISTRATIVE_REFERRAL','DISMISSED','CLOSED','CLOSED'])[1 + g % 10],
       (array['ILLEGAL_GAMBLING','ILLEGAL_GAMBLING','ILLEGAL_GAMBLING','FINANCIAL_PYRAMID',
              'FINANCIAL_PYRAMID','DEEPFAKE','FAKE_ENGAGEMENT','DISINFORMATION','CSAM',
              'OTHER_PROHIBITED'])[1 + (g / 7) % 10],
       'Generated case ' || g || ': online casino advertising through messenger channels',
       timestamptz '2024-12-01 00:00+05' + (g - 30) * interval '1 minute',
       timestamptz '2024-12-01 00:00+05' + g * interval '1 minute',
       (array['investigator1','investigator2'])[1 + g % 2],
       md5(g::text)::uuid,
       timestamptz '2024-12-01 00:00+05' + g * interval '1 minute'
  from generate_series(1, :cases) g;

-- Two resources per case, on 200,000 hosts.
insert into case_resource (id, case_id, position, url_original, url_normalized, host, platform)
select (c - 1) * 2 + p, c, p, u, u, h, 'WEBSITE'
  from generate_series(1, :cases) c, generate_series(1, 2) p,
       lateral (select 'casino-' || ((c * 7 + p) % 200000) || '.bet' as h) hh,
       lateral (select 'https://' || h || '/promo/' || c || '-' || p as u) uu;

-- Blocks: every blocking and every closed case has a decided notification and active registry
-- entries (half the cases, two resources each: a million entries from a million cases).
insert into block_notice (id, version, case_id, organisation, status, round, legal_basis,
    justification, drafted_by, drafted_at, submitted_at, reviewed_by, outgoing_number, sent_at,
    decided_at, received_at)
select c, 0, c, 'afm', 'DECIDED', 1, 'Law on Communications, art. 41-1', 'Generated',
       'investigator1', v.registered_at, v.registered_at, 'supervisor1',
       'AFM-N-' || lpad(c::text, 8, '0'), v.registered_at, v.registered_at + interval '2 days',
       v.registered_at + interval '1 hour'
  from violation_case v, lateral (select v.id as c) cc
 where v.status in ('BLOCKING', 'CLOSED');

insert into block_notice_resource (id, notice_id, resource_id, decision, decision_number,
    decision_date, decided_by, decided_at)
select r.id, n.id, r.id, 'BLOCK', 'MCI-D-' || n.id, (n.decided_at at time zone 'Asia/Almaty')::date,
       'officer1', n.decided_at
  from block_notice n join case_resource r on r.case_id = n.case_id;

-- Every block is in registry version 1 (their hash computed below: triggers are off here).
insert into registry_entry (id, version, resource_id, notice_id, url, url_normalized,
    decision_number, decision_date, issuing_body, blocked_at, blocked_by, active, host, block_type,
    urgent, notice_number, included_version, changed_version, content_hash)
select b.id, 0, b.resource_id, b.notice_id, r.url_original, r.url_normalized, b.decision_number,
       b.decision_date, 'MCI', b.decided_at, 'officer1', true, r.host, 'URL', false,
       'AFM-N-' || lpad(b.notice_id::text, 8, '0'), 1, 1, ''
  from block_notice_resource b join case_resource r on r.id = b.resource_id;
update registry_entry e set content_hash = registry_entry_hash(e);
delete from registry_change;
insert into registry_change (version, changed_at, kind, entries, urgent, changed_by)
select 1, now(), 'BLOCK', count(*), false, 'officer1' from registry_entry;
update registry_state set version = 1, changed_at = now();

-- The bulk-decision notification: one case with :bulk resources, sent and waiting.
insert into violation_case (id, version, registration_number, organisation, status, category_code,
    description, detected_at, registered_at, registered_by, submission_key, status_changed_at)
values (:cases + 1, 0, 'AFM-2026-BULK001', 'afm', 'BLOCKING', 'ILLEGAL_GAMBLING',
        'Generated: a network of mirror sites of one online casino', now() - interval '3 days',
        now() - interval '3 days', 'investigator1', md5('bulk')::uuid, now() - interval '3 days');
insert into case_resource (id, case_id, position, url_original, url_normalized, host, platform)
select 2 * :cases + 10 + g, :cases + 1, g, u, u, 'mirror-' || g || '.casino-bulk.bet', 'WEBSITE'
  from generate_series(1, :bulk) g,
       lateral (select 'https://mirror-' || g || '.casino-bulk.bet/' as u) uu;
insert into block_notice (id, version, case_id, organisation, status, round, legal_basis,
    justification, drafted_by, drafted_at, submitted_at, reviewed_by, outgoing_number, sent_at,
    received_at, due_at)
values (:cases + 1, 0, :cases + 1, 'afm', 'SENT', 1, 'Law on Communications, art. 41-1',
        'Generated: mirrors of one casino', 'investigator1', now() - interval '2 days',
        now() - interval '2 days', 'supervisor1', 'AFM-N-BULK001', now() - interval '1 day',
        now() - interval '1 day', now() + interval '1 day');
insert into block_notice_resource (id, notice_id, resource_id)
select 2 * :cases + 10 + g, :cases + 1, 2 * :cases + 10 + g from generate_series(1, :bulk) g;

-- Triage items: 30% of the detections' count, as distinct URLs; 80% pending.
insert into triage_item (id, version, organisation, status, url_original, url_normalized, host,
    platform, category_code, score, first_seen_at, last_seen_at, seen_count, source_count,
    case_id, dismissal_reason, resolved_by, resolved_at)
select t, 0, 'afm', s, u, u, h,
       (array['WEBSITE','WEBSITE','WEBSITE','TELEGRAM','INSTAGRAM','TIKTOK','YOUTUBE'])[1 + t % 7],
       (array['ILLEGAL_GAMBLING','FINANCIAL_PYRAMID','DEEPFAKE','FAKE_ENGAGEMENT',
              'DISINFORMATION'])[1 + t % 5],
       ((t::bigint * 7919) % 10000) / 10000.0,
       now() - (t % 500000) * interval '1 minute' - interval '1 day',
       now() - (t % 500000) * interval '1 minute',
       3, 1 + t % 3,
       null,
       case when s = 'DISMISSED' then 'Generated: not a violation' end,
       case when s <> 'PENDING' then 'investigator1' end,
       case when s <> 'PENDING' then now() - (t % 500000) * interval '1 minute' end
  from generate_series(1, (:detections * 3) / 10) t,
       lateral (select case when t % 10 < 8 then 'PENDING' when t % 10 = 8 then 'CASED'
                            else 'DISMISSED' end as s) ss,
       lateral (select 'bet-' || (t % 300000) || '.example' as h) hh,
       lateral (select 'https://' || h || '/go/' || t as u) uu;

-- Detections: 85% on triage items (about three each), 15% on case resources.
insert into detection (id, organisation, source_system, source_ref, received_from, received_at,
    detected_at, url_original, url_normalized, host, platform, category_code, score,
    triage_item_id, case_resource_id)
select d, 'afm', src, 'gen-' || d, 'dozor-monitoring-demo', at, at - interval '5 minutes',
       u, u, h, 'WEBSITE', 'ILLEGAL_GAMBLING', 0.5, ti, cr
  from generate_series(1, :detections) d,
       lateral (select 'crawler-' || (1 + d % 5) as src,
                       now() - (d % 1000000) * interval '30 seconds' as at,
                       case when d % 20 < 17 then 1 + (d % ((:detections * 3) / 10)) end as ti,
                       case when d % 20 >= 17 then 1 + (d % (2 * :cases)) end as cr) x,
       lateral (select case when ti is not null then 'https://bet-' || (ti % 300000) || '.example/go/' || ti
                            else 'https://casino-' || cr || '.bet/' end as u,
                       case when ti is not null then 'bet-' || (ti % 300000) || '.example'
                            else 'casino-' || cr || '.bet' end as h) uh;

set session_replication_role = origin;

do $$ declare r record; begin
  for r in select def from bench_saved_index loop execute r.def; end loop;
end $$;

-- Sequences past the generated ids; counters past the generated numbers.
select setval('violation_case_seq', (select max(id) from violation_case) + 1000);
select setval('case_resource_seq', (select max(id) from case_resource) + 1000);
select setval('block_notice_seq', (select max(id) from block_notice) + 1000);
select setval('block_notice_resource_seq', (select max(id) from block_notice_resource) + 1000);
select setval('registry_entry_seq', (select max(id) from registry_entry) + 1000);
select setval('triage_item_seq', (select max(id) from triage_item) + 1000);
select setval('detection_seq', (select max(id) from detection) + 1000);

vacuum analyze;
select 'cases' as what, count(*) from violation_case
union all select 'resources', count(*) from case_resource
union all select 'registry entries', count(*) from registry_entry
union all select 'triage items', count(*) from triage_item
union all select 'detections', count(*) from detection;
