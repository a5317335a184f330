-- The audit page finds one person's entries among everyone's.
create index audit_entry_actor_seq on audit_entry (actor, seq desc);
