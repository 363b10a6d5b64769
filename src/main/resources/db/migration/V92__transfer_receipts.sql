-- The receipt of a transfer at its destination by scan (issue 10 §3): every scan kept as it was made, append-only,
-- what it posted (a TRANSFER_IN per shipped lot row it received against) or that it was set aside (NOT_IN_TRANSIT:
-- more than shipped of a lot, or a lot that was not shipped), and the close of the receipt on the order.
--
-- Quantities are whole base units like the transfer lines'. The stock itself stays the ledger's: a row names the
-- posting that moved it.

create table transfer_receipt_scan (
    id                      bigserial      primary key,
    transfer_order_id       bigint         not null references transfer_order (id),
    -- the line of the scanned lot's item (a lot of none of the order's items is refused, WRONG_ITEM)
    transfer_order_line_id  bigint         not null references transfer_order_line (id),
    -- RECEIVED: the shipped lot row it was received against; SET_ASIDE: null
    transfer_shipped_lot_id bigint         references transfer_shipped_lot (id),
    lot_id                  bigint         not null references lot (id),
    scanned_label           varchar(500)   not null,
    location_id             bigint         not null references location (id),
    condition               varchar(10)    not null check (condition in ('GOOD', 'DAMAGED')),
    quantity                numeric(19, 4) not null check (quantity > 0 and quantity = trunc(quantity)),
    outcome                 varchar(10)    not null check (outcome in ('RECEIVED', 'SET_ASIDE')),
    -- RECEIVED: AVAILABLE, HOLD (an open hold adopted it) or QUARANTINE (damaged, cold chain broken)
    landed_status           varchar(20)    check (landed_status in ('AVAILABLE', 'HOLD', 'QUARANTINE')),
    hold_id                 bigint         references quality_hold (id),
    posting_id              bigint         unique references posting (id),
    -- SET_ASIDE: ABOVE_SHIPPED (more of a shipped lot than is still in transit) or NOT_SHIPPED (a lot that did not
    -- leave with this transfer)
    set_aside_reason        varchar(20)    check (set_aside_reason in ('ABOVE_SHIPPED', 'NOT_SHIPPED')),
    -- CHILLED and FROZEN transfers: the cold-chain logger's reading; out of range is an excursion
    cold_chain_in_range     boolean,
    cold_chain_min_celsius  numeric(6, 2),
    cold_chain_max_celsius  numeric(6, 2),
    excursion               boolean        not null default false,
    -- what makes one scan one row: the caller's scoped idempotency key and the part ("<key>:<shipped lot row>",
    -- "<key>:set-aside"), so a scan retried after a refusal is not kept twice
    scan_key                varchar(400)   not null unique,
    scanned_by              varchar(100)   not null,
    scanned_at              timestamptz    not null default clock_timestamp(),
    constraint transfer_receipt_scan_outcome check (
        (outcome = 'RECEIVED') = (posting_id is not null and landed_status is not null
                                  and transfer_shipped_lot_id is not null and set_aside_reason is null)
        and (outcome = 'SET_ASIDE') = (set_aside_reason is not null and posting_id is null and landed_status is null
                                       and hold_id is null)),
    constraint transfer_receipt_scan_hold check ((hold_id is not null) = (landed_status = 'HOLD')),
    constraint transfer_receipt_scan_cold_chain check (
        cold_chain_min_celsius is null or cold_chain_max_celsius is null
        or cold_chain_min_celsius <= cold_chain_max_celsius)
);
create index transfer_receipt_scan_order on transfer_receipt_scan (transfer_order_id);
create index transfer_receipt_scan_lot on transfer_receipt_scan (lot_id);

create function transfer_receipt_scan_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'transfer_receipt_scan is append-only';
end $$;
create trigger transfer_receipt_scan_append_only before update or delete on transfer_receipt_scan
    for each row execute function transfer_receipt_scan_refuse_change();

-- The close of the receipt: once, by the destination's staff, when the discrepancies were computed and recorded.
alter table transfer_order
    add column receipt_closed_by varchar(100),
    add column receipt_closed_at timestamptz,
    add constraint transfer_order_receipt_closed check (
        (receipt_closed_at is null) = (receipt_closed_by is null)
        and (receipt_closed_at is null or dispatched_at is not null));
