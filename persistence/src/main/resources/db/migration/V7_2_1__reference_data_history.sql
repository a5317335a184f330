-- Reference data administrators maintain on pages of their own: categories, legal bases,
-- recipient bodies, deadlines and holidays. Entries in use are retired, never deleted; every
-- change keeps who, when, and the old and new value of each field.

-- Concurrent edits of one entry are detected, never silently overwritten.
alter table category       add column version bigint not null default 0;
alter table recipient_body add column version bigint not null default 0;
alter table deadline_rule  add column version bigint not null default 0;

-- The acts a route or a block notification rests on: a law and its article, with a title and
-- the text in the three languages. Picked from a list, or typed freely as before.
create sequence legal_basis_seq increment by 1;

create table legal_basis (
    id        bigint         primary key,
    law       varchar(300)   not null,
    article   varchar(100)   not null,
    title_kk  varchar(300)   not null,
    title_ru  varchar(300)   not null,
    title_en  varchar(300)   not null,
    text_kk   varchar(4000)  not null,
    text_ru   varchar(4000)  not null,
    text_en   varchar(4000)  not null,
    position  integer        not null,
    active    boolean        not null default true,
    version   bigint         not null default 0
);

-- One entry per article of a law, however it is capitalised.
create unique index legal_basis_law_article on legal_basis (lower(law), lower(article));

insert into legal_basis (id, law, article, title_kk, title_ru, title_en, text_kk, text_ru, text_en, position)
values (nextval('legal_basis_seq'),
        'Закон РК «О связи» от 5 июля 2004 года № 567-II', 'ст. 41-1',
        'Интернет-ресурстарға қол жеткізуді тоқтата тұру',
        'Приостановление доступа к интернет-ресурсам',
        'Suspension of access to internet resources',
        'Қазақстан Республикасының заңдарымен немесе сот шешімімен таратылуына тыйым салынған ақпаратты тарататын интернет-ресурстарға қол жеткізуді тоқтата тұру тәртібі.',
        'Порядок приостановления доступа к интернет-ресурсам, распространяющим информацию, распространение которой запрещено законами Республики Казахстан или решением суда.',
        'How access is suspended to internet resources that spread information whose distribution is prohibited by the laws of the Republic of Kazakhstan or by a court decision.',
        10);

-- What a case and a notification cite: the entry picked from the list (if one was) beside the
-- text as it was picked or typed, which later edits of the entry never change.
alter table violation_case add column legal_basis_id bigint references legal_basis (id);
alter table block_notice   add column legal_basis_id bigint references legal_basis (id);

-- The history of reference data: one row per change, one row per field it changed.
create sequence reference_change_seq increment by 50;

create table reference_change (
    id            bigint        primary key,
    subject_type  varchar(20)   not null
        check (subject_type in ('CATEGORY', 'LEGAL_BASIS', 'RECIPIENT_BODY', 'DEADLINE', 'HOLIDAY')),
    subject_key   varchar(100)  not null,
    kind          varchar(20)   not null
        check (kind in ('ADDED', 'CHANGED', 'RETIRED', 'REINSTATED', 'REMOVED')),
    changed_by    varchar(100)  not null,
    organisation  varchar(50),
    changed_at    timestamptz   not null
);

create index reference_change_subject on reference_change (subject_type, subject_key, changed_at desc);
create index reference_change_type_time on reference_change (subject_type, changed_at desc);

create table reference_change_field (
    change_id  bigint       not null references reference_change (id),
    position   integer      not null,
    field      varchar(40)  not null,
    old_value  text,
    new_value  text,
    primary key (change_id, position)
);

-- Until now deadline and holiday changes lived only as audit text ("1 working days -> 3
-- working days", "added: Nauryz", "removed"): carry them over, so the history stays whole.
do $$
declare
    e    record;
    m    text[];
    cid  bigint;
    pos  integer;
begin
    for e in
        select occurred_at, actor, organisation, subject_type, subject_id, detail
        from audit_entry
        where action = 'REFERENCE_DATA_CHANGED' and subject_type in ('deadline', 'holiday')
        order by seq
    loop
        cid := nextval('reference_change_seq');
        if e.subject_type = 'deadline' then
            insert into reference_change values
                (cid, 'DEADLINE', e.subject_id, 'CHANGED', e.actor, e.organisation, e.occurred_at);
            m := regexp_match(coalesce(e.detail, ''),
                              '^(\d+) (working|calendar) days -> (\d+) (working|calendar) days$');
            if m is not null then
                -- As changes are kept from now on: only the fields that changed.
                pos := 0;
                if m[1] <> m[3] then
                    insert into reference_change_field values (cid, pos, 'days', m[1], m[3]);
                    pos := pos + 1;
                end if;
                if m[2] <> m[4] then
                    insert into reference_change_field values
                        (cid, pos, 'workingDays', (m[2] = 'working')::text, (m[4] = 'working')::text);
                end if;
            else
                m := regexp_match(coalesce(e.detail, ''), '(\d+) (working|calendar) days');
                if m is not null then
                    insert into reference_change_field values (cid, 0, 'days', null, m[1]);
                    insert into reference_change_field values
                        (cid, 1, 'workingDays', null, (m[2] = 'working')::text);
                end if;
            end if;
        elsif e.detail like 'added: %' then
            insert into reference_change values
                (cid, 'HOLIDAY', e.subject_id, 'ADDED', e.actor, e.organisation, e.occurred_at);
            insert into reference_change_field values (cid, 0, 'name', null, substr(e.detail, 8));
        elsif e.detail = 'removed' then
            insert into reference_change values
                (cid, 'HOLIDAY', e.subject_id, 'REMOVED', e.actor, e.organisation, e.occurred_at);
        end if;
    end loop;
end
$$;
