-- Transfer discrepancies (issue 10 §3, §4): what the destination's receipt found different from what left the
-- origin, per lot, computed when the receipt is closed and kept append-only (expected, actual, the scans, who). The
-- process InterWarehouseTransfer opens one "Resolve transfer discrepancy" task per row; its decisions and the
-- postings that follow are recorded beside it (their own table), never by changing a row here.
--
-- Quantities are whole base units like the transfer lines'. value is quantity x the lot's unit cost (ADR 0004) in
-- the ledger's currency at close, what dmn/transfer-discrepancy-routing.dmn routes on.

create table transfer_discrepancy (
    id                      bigserial      primary key,
    transfer_order_id       bigint         not null references transfer_order (id),
    -- the line whose item is concerned; a lot of none of the order's items is not a transfer discrepancy
    transfer_order_line_id  bigint         not null references transfer_order_line (id),
    discrepancy_type        varchar(30)    not null
        check (discrepancy_type in ('SHORT', 'OVER', 'WRONG_LOT', 'DAMAGED', 'TEMPERATURE_EXCURSION')),
    -- SHORT, DAMAGED, TEMPERATURE_EXCURSION: the shipped lot; OVER: the lot received above shipped; WRONG_LOT: the
    -- lot that was expected (shipped, not received); received_lot_id the one that arrived instead
    lot_id                  bigint         not null references lot (id),
    received_lot_id         bigint         references lot (id),
    -- what the origin's TRANSFER_OUT says left (0 for a lot that did not leave) and what the receipt counted
    expected_quantity       numeric(19, 4) not null check (expected_quantity >= 0 and expected_quantity = trunc(expected_quantity)),
    actual_quantity         numeric(19, 4) not null check (actual_quantity >= 0 and actual_quantity = trunc(actual_quantity)),
    -- the quantity to resolve (short, over, damaged, out of range, or sent instead), > 0
    quantity                numeric(19, 4) not null check (quantity > 0 and quantity = trunc(quantity)),
    value                   numeric(19, 4) not null check (value >= 0),
    -- the scans behind it (labels, locations, readings, who, when) as the receipt kept them
    scans                   jsonb          not null default '[]'::jsonb,
    recorded_by             varchar(100)   not null,
    recorded_at             timestamptz    not null default clock_timestamp(),
    constraint transfer_discrepancy_wrong_lot check ((discrepancy_type = 'WRONG_LOT') = (received_lot_id is not null))
);
create index transfer_discrepancy_order on transfer_discrepancy (transfer_order_id);
create index transfer_discrepancy_lot on transfer_discrepancy (lot_id);

create function transfer_discrepancy_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'transfer_discrepancy is append-only';
end $$;
create trigger transfer_discrepancy_append_only before update or delete on transfer_discrepancy
    for each row execute function transfer_discrepancy_refuse_change();
