-- Allocation of sales orders (issue 9, §4): what could not be reserved for a line, per reason, and the midnight
-- job's bookkeeping. The reservations themselves are the ledger's (stock_reservation, V82).

-- A line's backorder as its last allocation run left it: replaced per run (the run deletes the line's rows and
-- writes what it could not cover), deleted when the line is covered or cancelled. So at any time, per line,
-- pending + posted reservations + backordered = ordered - cancelled (what the concurrency test checks).
create table sales_order_backorder (
    id                   bigserial      primary key,
    sales_order_id       bigint         not null references sales_order (id),
    sales_order_line_id  bigint         not null references sales_order_line (id),
    reason               varchar(30)    not null check (reason in ('NONE_ON_HAND', 'EXPIRED', 'SHELF_LIFE_TOO_SHORT',
                                                                   'HELD_OR_QUARANTINED', 'RESERVED_FOR_OTHER_ORDERS',
                                                                   'IN_OTHER_WAREHOUSE')),
    -- in the item's base unit, whole units only
    quantity             numeric(19, 4) not null check (quantity > 0 and quantity = trunc(quantity)),
    decided_at           timestamptz    not null,
    unique (sales_order_line_id, reason)
);
create index sales_order_backorder_order on sales_order_backorder (sales_order_id);
-- backordered lines are allocated again oldest first
create index sales_order_backorder_decided on sales_order_backorder (decided_at, sales_order_line_id);

-- The expiry job runs every 15 minutes and works on the warehouses whose local date changed since its last run.
create table allocation_expiry_run (
    warehouse_id   bigint      primary key references warehouse (id),
    last_local_date date       not null,
    ran_at         timestamptz not null
);
