-- The door's memory (ADR 0009): one row per write request that succeeded, keyed by the caller and the key the
-- caller chose. The row is inserted at the start of the request's transaction and completed with the answer at its
-- end, so a duplicate sent while the first is in flight waits on the primary key and then replays the answer; a
-- refused or failed request rolls its row back and its key may be used again.
create table idempotent_request (
    caller            varchar(100) not null,
    idempotency_key   varchar(200) not null,
    -- "POST /api/moves", "POST /api/postings/{id}/reversal": the handler's pattern, not the concrete path
    operation         varchar(200) not null,
    -- SHA-256 of the operation, its path variables, query parameters and the canonical JSON body
    fingerprint       char(64)     not null,
    response_status   smallint     check (response_status between 200 and 299),
    response_location varchar(500),
    response_etag     varchar(100),
    response_type     varchar(100),
    response_body     bytea,
    created_at        timestamptz  not null default now(),
    completed_at      timestamptz,
    primary key (caller, idempotency_key),
    check ((completed_at is null) = (response_status is null))
);
create index idempotent_request_created on idempotent_request (created_at);
