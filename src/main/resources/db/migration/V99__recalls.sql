-- Recalls (issue 11 §3): a recall names its scope as the request named it (one lot, a manufacturer batch reference,
-- or an item with a manufactured or received date range; RecallScope), why, its class and mode, and where it stands.
-- The lots the scope resolved to when the recall started are fixed in recall_hold, one row per lot, and each gets
-- its quality hold (reason REGULATORY_OR_RECALL) from the process's "Place recall holds" task.
create table recall (
    id                  bigserial    primary key,
    number              varchar(20)  not null unique,
    -- the scope, exactly one form (RecallScope checks it at the edge; the check repeats the shape)
    scope_lot_id        bigint       references lot (id),
    scope_batch_ref     varchar(60),
    scope_item_id       bigint       references item (id),
    scope_dates         varchar(12)  check (scope_dates in ('MANUFACTURED', 'RECEIVED')),
    scope_from          date,
    scope_to            date,
    reason              varchar(500) not null,
    recall_class        varchar(3)   not null check (recall_class in ('I', 'II', 'III')),
    mode                varchar(4)   not null check (mode in ('LIVE', 'MOCK')),
    note                varchar(1000),
    -- OPEN: started, holds being placed; HOLDS_PLACED: every lot held, the notice list can be read; the later states
    -- belong to the follow-up (acknowledgements, returns, reconciliation and closure)
    status              varchar(20)  not null check (status in ('OPEN', 'HOLDS_PLACED', 'RECONCILING', 'CLOSED',
                                                                  'WITHDRAWN')),
    process_instance_id varchar(64),
    started_by          varchar(100) not null,
    started_at          timestamptz  not null default clock_timestamp(),
    holds_placed_at     timestamptz,
    withdrawn_by        varchar(100),
    withdrawn_at        timestamptz,
    withdrawal_note     varchar(500),
    closed_by           varchar(100),
    closed_at           timestamptz,
    constraint recall_scope_one_form check (
        (scope_lot_id is not null)::int + (scope_batch_ref is not null)::int + (scope_item_id is not null)::int = 1),
    constraint recall_scope_dates check ((scope_item_id is not null) = (scope_dates is not null
                                          and scope_from is not null and scope_to is not null)),
    constraint recall_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);
create sequence recall_number_seq;

-- The lots in a recall's scope (matched lots and their descendants, depth from the nearest matched lot) and, once
-- placed, the quality hold that holds each; hold_key is the idempotency key PlacingHold was given.
create table recall_hold (
    recall_id   bigint       not null references recall (id),
    lot_id      bigint       not null references lot (id),
    depth       int          not null check (depth >= 0),
    hold_id     bigint       unique references quality_hold (id),
    hold_key    varchar(100) not null unique,
    placed_at   timestamptz,
    primary key (recall_id, lot_id),
    constraint recall_hold_placed check ((hold_id is null) = (placed_at is null))
);
create index recall_hold_lot on recall_hold (lot_id);

-- Room for the follow-up (issue 11 §3, acknowledgements, returns): what a customer answered to the notice, and the
-- RETURN postings received against the recall. Written by the next step's services only.
create table recall_acknowledgement (
    id                    bigserial    primary key,
    recall_id             bigint       not null references recall (id),
    customer_id           bigint       not null references customer (id),
    lot_id                bigint       references lot (id),
    acknowledged_at       timestamptz  not null,
    quantity_at_customer  bigint       not null check (quantity_at_customer >= 0),
    quantity_destroyed    bigint       not null check (quantity_destroyed >= 0),
    will_return           boolean      not null,
    request_key           varchar(200) not null unique,
    recorded_by           varchar(100) not null,
    recorded_at           timestamptz  not null default clock_timestamp()
);
create index recall_acknowledgement_recall on recall_acknowledgement (recall_id, customer_id);

create table recall_return (
    id                bigserial    primary key,
    recall_id         bigint       not null references recall (id),
    customer_id       bigint       not null references customer (id),
    lot_id            bigint       not null references lot (id),
    quantity          bigint       not null check (quantity > 0),
    posting_id        bigint       not null references posting (id),
    shipment_number   varchar(30),
    request_key       varchar(200) not null unique,
    recorded_by       varchar(100) not null,
    recorded_at       timestamptz  not null default clock_timestamp()
);
create index recall_return_recall on recall_return (recall_id, customer_id, lot_id);
