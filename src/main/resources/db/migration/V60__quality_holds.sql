-- Quality holds (issue 3, section 5). A hold is a record of its own; what it did to the ledger is kept beside it,
-- append-only, so that a release restores exactly what this hold moved and nothing another hold or QA did.

create table quality_hold (
    id                  bigserial primary key,
    scope               varchar(10)  not null check (scope in ('LOT', 'LOCATION')),
    lot_id              bigint references lot (id),
    location_id         bigint references location (id),
    reason              varchar(30)  not null check (reason in ('CUSTOMER_COMPLAINT', 'TEMPERATURE_EXCURSION',
                                                                 'SUPPLIER_NOTICE', 'REGULATORY_OR_RECALL', 'INVESTIGATION')),
    state               varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'RELEASED', 'CLOSED')),
    note                varchar(1000),
    -- the client's idempotency key: placing again with it returns this hold instead of a second one
    request_key         varchar(200) not null unique,
    request_fingerprint varchar(64)  not null,
    placed_by           varchar(100) not null,
    placed_at           timestamptz  not null default now(),
    place_posting_id    bigint references posting (id),
    ended_by            varchar(100),
    ended_at            timestamptz,
    check ((scope = 'LOT' and lot_id is not null and location_id is null)
        or (scope = 'LOCATION' and location_id is not null and lot_id is null)),
    check ((state = 'OPEN') = (ended_at is null))
);
create index quality_hold_open_lot on quality_hold (lot_id) where state = 'OPEN';
create index quality_hold_open_location on quality_hold (location_id) where state = 'OPEN';

-- What a hold took responsibility for: AVAILABLE → HOLD moves it posted (posting_id), or held stock handed over to
-- it when another hold covering the same stock was released (inherited_from_hold_id).
create table quality_hold_movement (
    id                     bigserial primary key,
    hold_id                bigint        not null references quality_hold (id),
    lot_id                 bigint        not null references lot (id),
    location_id            bigint        not null references location (id),
    quantity               numeric(19,4) not null check (quantity > 0),
    posting_id             bigint references posting (id),
    inherited_from_hold_id bigint references quality_hold (id),
    recorded_at            timestamptz   not null default now(),
    check ((posting_id is null) <> (inherited_from_hold_id is null))
);
create index quality_hold_movement_hold on quality_hold_movement (hold_id);

-- What became of it: released (HOLD → AVAILABLE), scrapped, staged for return to vendor, handed over to another
-- open hold, or no longer found on hold where this hold had put it (scrapped or moved by QA outside the hold).
create table quality_hold_outcome (
    id             bigserial primary key,
    hold_id        bigint        not null references quality_hold (id),
    outcome        varchar(20)   not null check (outcome in ('RELEASED', 'SCRAPPED', 'RETURN_TO_VENDOR',
                                                             'HANDED_OVER', 'NOT_FOUND')),
    lot_id         bigint        not null references lot (id),
    location_id    bigint        not null references location (id),
    quantity       numeric(19,4) not null check (quantity > 0),
    to_location_id bigint references location (id),
    to_hold_id     bigint references quality_hold (id),
    posting_id     bigint references posting (id),
    reason_code    varchar(40),
    request_key    varchar(200)  not null,
    decided_by     varchar(100)  not null,
    recorded_at    timestamptz   not null default now()
);
create index quality_hold_outcome_hold on quality_hold_outcome (hold_id, request_key);

create trigger quality_hold_movement_append_only before update or delete on quality_hold_movement
    for each row execute function ledger_refuse_change();
create trigger quality_hold_outcome_append_only before update or delete on quality_hold_outcome
    for each row execute function ledger_refuse_change();
