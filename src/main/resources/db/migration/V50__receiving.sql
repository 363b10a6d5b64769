-- Receiving (issue 3, section 2): receipts against a purchase order at a warehouse's receiving dock, one line per
-- received lot, each line backed by exactly one RECEIPT posting of the ledger, and the ASN-versus-receipt
-- differences recorded when a receipt is closed. Receipt lines and discrepancies are evidence: append-only, except
-- that a receipt line is marked reversed once (its reversal is a REVERSAL posting of the ledger).

create table receipt (
    id                      bigserial primary key,
    warehouse_id            bigint       not null references warehouse (id),
    dock_location_id        bigint       not null references location (id),
    purchase_order_id       bigint       not null references purchase_order (id),
    advance_ship_notice_id  bigint       references advance_ship_notice (id),
    status                  varchar(10)  not null check (status in ('OPEN', 'CLOSED')),
    opened_by               varchar(100) not null,
    opened_at               timestamptz  not null default now(),
    closed_by               varchar(100),
    closed_at               timestamptz,
    constraint receipt_closed_consistent
        check ((status = 'CLOSED') = (closed_by is not null and closed_at is not null))
);
create index receipt_purchase_order on receipt (purchase_order_id);

create table receipt_line (
    id                      bigserial primary key,
    receipt_id              bigint         not null references receipt (id),
    purchase_order_line_id  bigint         not null references purchase_order_line (id),
    lot_id                  bigint         not null references lot (id),
    -- as received: quantity and unit as scanned or typed, and in whole base units (what was posted)
    quantity                numeric(19, 4) not null check (quantity > 0),
    uom                     varchar(10)    not null,
    base_quantity           numeric(19, 4) not null check (base_quantity > 0 and base_quantity = trunc(base_quantity)),
    sscc                    char(18)       check (sscc ~ '^[0-9]{18}$'),
    gtin                    char(14),
    scanned                 varchar(500),
    posting_id              bigint         not null unique references posting (id),
    created_by              varchar(100)   not null,
    created_at              timestamptz    not null default now(),
    reversal_posting_id     bigint         unique references posting (id),
    reversed_by             varchar(100),
    reversed_at             timestamptz,
    constraint receipt_line_reversal_consistent
        check ((reversal_posting_id is null) = (reversed_by is null) and (reversed_by is null) = (reversed_at is null))
);
create index receipt_line_receipt on receipt_line (receipt_id);
create index receipt_line_po_line on receipt_line (purchase_order_line_id);
-- an SSCC (one pallet or case) is received once; a reversed line frees it for the corrected receipt
create unique index receipt_line_sscc_once on receipt_line (sscc) where sscc is not null and reversal_posting_id is null;

create function receipt_line_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'receipt_line is append-only: line % cannot be deleted', old.id;
    end if;
    if old.reversal_posting_id is not null
       or (to_jsonb(new) - 'reversal_posting_id' - 'reversed_by' - 'reversed_at')
          is distinct from (to_jsonb(old) - 'reversal_posting_id' - 'reversed_by' - 'reversed_at') then
        raise exception 'receipt_line % can only be marked reversed, once', old.id;
    end if;
    return new;
end $$;
create trigger receipt_line_append_only before update or delete on receipt_line
    for each row execute function receipt_line_guard();

create table receipt_discrepancy (
    id                      bigserial primary key,
    receipt_id              bigint         not null references receipt (id),
    discrepancy_type        varchar(20)    not null
        check (discrepancy_type in ('QUANTITY', 'LOT', 'EXPIRY', 'NOT_ARRIVED', 'NOT_ANNOUNCED')),
    purchase_order_line_id  bigint         not null references purchase_order_line (id),
    asn_line_id             bigint         references asn_line (id),
    lot_number              varchar(60),
    expected                varchar(60),
    actual                  varchar(60),
    created_at              timestamptz    not null default now()
);
create index receipt_discrepancy_receipt on receipt_discrepancy (receipt_id);

create function receipt_discrepancy_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'receipt_discrepancy is append-only';
end $$;
create trigger receipt_discrepancy_append_only before update or delete on receipt_discrepancy
    for each row execute function receipt_discrepancy_refuse_change();
