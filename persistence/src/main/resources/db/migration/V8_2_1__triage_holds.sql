-- The triage queue's holds: renewing "my" holds and showing who holds what without a scan.
create index triage_item_taken on triage_item (organisation, taken_by) where taken_by is not null;
