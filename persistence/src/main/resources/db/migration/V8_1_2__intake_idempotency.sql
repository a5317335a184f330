-- Idempotency keys of the intake API: a monitoring system that sends a request again with the
-- same Idempotency-Key gets the first answer back and nothing is stored twice. Keys are per
-- client; the primary key makes concurrent duplicates wait for the first (on every node).
create table intake_idempotency (
    client          varchar(100)  not null,
    idempotency_key varchar(200)  not null,
    -- SHA-256 of the request body: the same key with another body is refused
    request_sha256  char(64)      not null,
    created_at      timestamptz   not null,
    -- the answer as first sent
    status          integer,
    body            text,
    primary key (client, idempotency_key)
);

create index intake_idempotency_created on intake_idempotency (created_at);
