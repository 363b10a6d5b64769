-- Scrap and return-to-vendor decisions on a hold become warehouse moves (issue 3, section 5): the stock stays HOLD
-- where it is until a warehouse worker has moved it and confirmed the move by scanning the lot and the location;
-- only then is the SCRAP posting (or the MOVE to reject staging) made. One row per lot, location and destination.
create table quality_hold_warehouse_move (
    id                  bigserial primary key,
    hold_id             bigint        not null references quality_hold (id),
    -- the review decision (decision_record) this move carries out
    decision_record_id  bigint        not null references decision_record (id),
    process_instance_id varchar(64),
    disposition         varchar(20)   not null check (disposition in ('SCRAP', 'RETURN_TO_VENDOR')),
    lot_id              bigint        not null references lot (id),
    from_location_id    bigint        not null references location (id),
    to_location_id      bigint        not null references location (id),
    quantity            numeric(19,4) not null check (quantity > 0),
    reason_code         varchar(40),
    state               varchar(10)   not null default 'OPEN' check (state in ('OPEN', 'DONE')),
    posting_id          bigint references posting (id),
    confirmed_by        varchar(100),
    confirmed_at        timestamptz,
    created_at          timestamptz   not null default now(),
    check ((state = 'DONE') = (posting_id is not null and confirmed_by is not null and confirmed_at is not null)),
    check (disposition <> 'SCRAP' or reason_code is not null)
);
create index quality_hold_warehouse_move_hold on quality_hold_warehouse_move (hold_id);
