-- Intake stores detections a thousand at a time. Their foreign keys were checked row by row: a
-- trigger per row and per key, each a lookup and a FOR KEY SHARE lock of the referenced row (the
-- same few category rows for every concurrent batch). On the benchmark's 10 million detections
-- that took 55–105 ms of a 1,000-row insert which takes 13–16 ms without them. The same references
-- are now checked once per statement, over the statement's rows, and the referenced rows refuse to
-- be deleted while a detection names them. (The portal never deletes them, except a triage item
-- it has just made and that nothing names, in the same transaction.)

alter table detection
    drop constraint detection_triage_item_id_fkey,
    drop constraint detection_case_resource_id_fkey,
    drop constraint detection_registry_entry_id_fkey,
    drop constraint detection_category_code_fkey,
    drop constraint detection_import,
    drop constraint detection_suppression_rule;

alter table triage_item
    drop constraint triage_item_category_code_fkey;

create function detection_references_exist() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed d where
           (d.triage_item_id is not null
                and not exists (select 1 from triage_item t where t.id = d.triage_item_id))
        or (d.case_resource_id is not null
                and not exists (select 1 from case_resource r where r.id = d.case_resource_id))
        or (d.registry_entry_id is not null
                and not exists (select 1 from registry_entry e where e.id = d.registry_entry_id))
        or (d.category_code is not null
                and not exists (select 1 from category c where c.code = d.category_code))
        or (d.import_id is not null
                and not exists (select 1 from intake_import i where i.id = d.import_id))
        or (d.suppression_rule_id is not null
                and not exists (select 1 from suppression_rule s where s.id = d.suppression_rule_id)))
    then
        raise exception using errcode = 'foreign_key_violation',
            message = 'a detection names a triage item, resource, block, category, import or rule that does not exist';
    end if;
    return null;
end $$;

create trigger detection_references_on_insert after insert on detection
    referencing new table as changed for each statement execute function detection_references_exist();
create trigger detection_references_on_update after update on detection
    referencing new table as changed for each statement execute function detection_references_exist();

create function triage_item_category_exists() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed t where t.category_code is not null
               and not exists (select 1 from category c where c.code = t.category_code)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'a triage item names a category that does not exist';
    end if;
    return null;
end $$;

create trigger triage_item_category_on_insert after insert on triage_item
    referencing new table as changed for each statement execute function triage_item_category_exists();
create trigger triage_item_category_on_update after update on triage_item
    referencing new table as changed for each statement execute function triage_item_category_exists();

-- Deleting a row that detections (or triage items) name is refused, as the foreign keys did.
-- TG_ARGV: the naming table, its column, the deleted table's key.
create function refuse_delete_while_named() returns trigger language plpgsql as $$
declare
    named boolean;
begin
    execute format('select exists (select 1 from gone g where exists'
                   ' (select 1 from %I n where n.%I = g.%I))', tg_argv[0], tg_argv[1], tg_argv[2])
        into named;
    if named then
        raise exception using errcode = 'foreign_key_violation',
            message = format('%s rows are still named by %s.%s', tg_table_name, tg_argv[0], tg_argv[1]);
    end if;
    return null;
end $$;

create trigger triage_item_named_by_detection after delete on triage_item
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'triage_item_id', 'id');
create trigger case_resource_named_by_detection after delete on case_resource
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'case_resource_id', 'id');
create trigger registry_entry_named_by_detection after delete on registry_entry
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'registry_entry_id', 'id');
create trigger category_named_by_detection after delete on category
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'category_code', 'code');
create trigger category_named_by_triage_item after delete on category
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('triage_item', 'category_code', 'code');
create trigger intake_import_named_by_detection after delete on intake_import
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'import_id', 'id');
create trigger suppression_rule_named_by_detection after delete on suppression_rule
    referencing old table as gone for each statement
    execute function refuse_delete_while_named('detection', 'suppression_rule_id', 'id');

-- Nothing reads detections by organisation and time of receipt: the index only cost every insert.
drop index detection_received;

-- The URL search's trigram index takes new items into its pending list, which the inserting batch
-- had to merge into the index whenever it filled (a batch then took 2–3 times as long). Vacuuming
-- after every 20,000 new rows merges it in the background instead.
alter table triage_item set (autovacuum_vacuum_insert_threshold = 20000,
                             autovacuum_vacuum_insert_scale_factor = 0);
