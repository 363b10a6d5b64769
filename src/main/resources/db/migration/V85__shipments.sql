-- Shipments (issue 9, section 7): what is staged for a sales order, grouped for dispatch. A shipment is opened over
-- the order's pending staging reservations (SHIPPING-zone locations) and dispatched by one SHIPMENT posting that
-- posts those reservations. The reservations, balances and postings stay the ledger's: these tables only name them.

-- Per-warehouse numbering (SH-<warehouse code>-<n>): the counter row is taken and raised in one statement
-- (insert … on conflict do update … returning), so two nodes never hand out the same number.
create table shipment_number_counter (
    warehouse_id  bigint  primary key references warehouse (id),
    last_number   bigint  not null check (last_number > 0)
);

create table shipment (
    id               bigserial    primary key,
    shipment_number  varchar(40)  not null unique,
    sales_order_id   bigint       not null references sales_order (id),
    warehouse_id     bigint       not null references warehouse (id),
    customer_id      bigint       not null references customer (id),
    state            varchar(20)  not null default 'OPEN' check (state in ('OPEN', 'DISPATCHED')),
    opened_by        varchar(100) not null,
    opened_at        timestamptz  not null default clock_timestamp(),
    -- the dispatch: who scanned which staging location, and the SHIPMENT posting it made
    dispatched_by    varchar(100),
    dispatched_at    timestamptz,
    scanned_location_id bigint    references location (id),
    posting_id       bigint       unique references posting (id),
    constraint shipment_dispatch_consistent check (
        (state = 'DISPATCHED') = (posting_id is not null)
        and (posting_id is null) = (dispatched_at is null)
        and (posting_id is null) = (dispatched_by is null))
);
create index shipment_order on shipment (sales_order_id);
create index shipment_warehouse_state on shipment (warehouse_id, state);
create index shipment_customer on shipment (customer_id);

-- One line per staging reservation; a reservation is on at most one shipment (the unique constraint), so two
-- shipments never claim the same staged stock.
create table shipment_line (
    id                   bigserial      primary key,
    shipment_id          bigint         not null references shipment (id),
    line_no              integer        not null check (line_no > 0),
    sales_order_line_id  bigint         not null references sales_order_line (id),
    reservation_id       bigint         not null unique references stock_reservation (id),
    item_id              bigint         not null references item (id),
    lot_id               bigint         not null references lot (id),
    location_id          bigint         not null references location (id),
    -- whole base units: staged (the reservation's quantity when the shipment was opened) and shipped by the dispatch
    staged_quantity      numeric(19, 4) not null check (staged_quantity > 0 and staged_quantity = trunc(staged_quantity)),
    shipped_quantity     numeric(19, 4) check (shipped_quantity >= 0 and shipped_quantity <= staged_quantity),
    constraint shipment_line_number_unique unique (shipment_id, line_no)
);
create index shipment_line_lot on shipment_line (lot_id);
