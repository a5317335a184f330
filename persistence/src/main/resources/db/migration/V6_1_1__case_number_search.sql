-- The case list finds a case by a part of its registration number or of the outgoing number of
-- one of its block notifications (pg_trgm is created in V1).
create index violation_case_number_trgm on violation_case using gin (lower(registration_number) gin_trgm_ops);
create index block_notice_number_trgm on block_notice using gin (lower(outgoing_number) gin_trgm_ops);
