-- Transfer orders between warehouses (issue 10, sections 1 and 2): what operations or the ERP orders to move from
-- one warehouse to another, allocated, picked and dispatched by scan like sales orders. The stock itself, the
-- reservations and the TRANSFER_OUT postings stay the ledger's: these tables only name them.
--
-- Quantities are numeric(19,4) like the ledger's; a base-unit quantity is a whole number. The status is derived from
-- the line quantities and the dispatch by transfers.TransferStates; the checks keep the quantities consistent.

-- Per-warehouse numbering (TO-<origin code>-<n>): taken and raised in one insert … on conflict do update … returning.
create table transfer_order_number_counter (
    warehouse_id  bigint  primary key references warehouse (id),
    last_number   bigint  not null check (last_number > 0)
);

create table transfer_order (
    id                  bigserial    primary key,
    order_number        varchar(40)  not null unique,
    from_warehouse_id   bigint       not null references warehouse (id),
    to_warehouse_id     bigint       not null references warehouse (id),
    -- one temperature class per order, kept on its documents and, later, its receipt checks
    temperature_class   varchar(10)  not null check (temperature_class in ('AMBIENT', 'CHILLED', 'FROZEN')),
    ship_date           date         not null,
    reason              varchar(500) not null,
    note                varchar(500),
    status              varchar(20)  not null check (status in ('OPEN', 'ALLOCATED', 'PICKING', 'IN_TRANSIT',
                                                                'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED')),
    -- dmn/transit-time.dmn at ordering: the lane's days and grace hours; the planned arrival is ship date + days
    transit_days        integer      not null check (transit_days >= 0),
    grace_hours         integer      not null check (grace_hours >= 0),
    transit_rule        varchar(100),
    planned_arrival     date         not null,
    created_by          varchar(100) not null,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             bigint       not null default 0,
    cancelled_by        varchar(100),
    cancel_reason       varchar(500),
    -- the dispatch: who scanned which staging location, the cold-chain logger travelling with the stock, and when the
    -- stock is expected (dispatched + transit days) and overdue (expected + grace hours): what issue 10 §4 waits for
    dispatched_by       varchar(100),
    dispatched_at       timestamptz,
    staging_location_id bigint       references location (id),
    cold_chain_logger   varchar(60),
    expected_arrival_at timestamptz,
    overdue_at          timestamptz,
    constraint transfer_order_two_warehouses check (from_warehouse_id <> to_warehouse_id),
    constraint transfer_order_cancel_consistent check ((status = 'CANCELLED') = (cancelled_by is not null)),
    constraint transfer_order_dispatch_consistent check (
        (dispatched_at is null) = (dispatched_by is null)
        and (dispatched_at is null) = (expected_arrival_at is null)
        and (dispatched_at is null) = (overdue_at is null)
        and (dispatched_at is not null or status in ('OPEN', 'ALLOCATED', 'PICKING', 'CANCELLED')))
);
create index transfer_order_from_status on transfer_order (from_warehouse_id, status);
create index transfer_order_to_status on transfer_order (to_warehouse_id, status);

create table transfer_order_line (
    id                       bigserial      primary key,
    transfer_order_id        bigint         not null references transfer_order (id),
    line_number              integer        not null check (line_number > 0),
    item_id                  bigint         not null references item (id),
    ordered_quantity         numeric(19, 4) not null check (ordered_quantity > 0),
    ordered_uom              varchar(10)    not null,
    requested_lot_id         bigint         references lot (id),
    -- whole base units; allocated includes what was picked, picked includes what was shipped
    ordered_base_quantity    numeric(19, 4) not null
        check (ordered_base_quantity > 0 and ordered_base_quantity = trunc(ordered_base_quantity)),
    allocated_base_quantity  numeric(19, 4) not null default 0 check (allocated_base_quantity = trunc(allocated_base_quantity)),
    picked_base_quantity     numeric(19, 4) not null default 0 check (picked_base_quantity = trunc(picked_base_quantity)),
    shipped_base_quantity    numeric(19, 4) not null default 0 check (shipped_base_quantity = trunc(shipped_base_quantity)),
    cancelled_base_quantity  numeric(19, 4) not null default 0 check (cancelled_base_quantity = trunc(cancelled_base_quantity)),
    cancelled_by             varchar(100),
    cancel_reason            varchar(500),
    constraint transfer_order_line_number_unique unique (transfer_order_id, line_number),
    constraint transfer_order_line_quantities check (
        0 <= shipped_base_quantity and shipped_base_quantity <= picked_base_quantity
        and picked_base_quantity <= allocated_base_quantity
        and allocated_base_quantity <= ordered_base_quantity - cancelled_base_quantity
        and 0 <= cancelled_base_quantity and cancelled_base_quantity <= ordered_base_quantity),
    constraint transfer_order_line_cancel_consistent check ((cancelled_by is null) = (cancelled_base_quantity = 0))
);
create index transfer_order_line_order on transfer_order_line (transfer_order_id);

-- What left the origin, per line and lot: one row per TRANSFER_OUT posting (one posting per lot line, so one wrong
-- line can be reversed alone), the staging reservation it posted, and what the receipt (issue 10 §3) counts against.
create table transfer_shipped_lot (
    id                      bigserial      primary key,
    transfer_order_id       bigint         not null references transfer_order (id),
    transfer_order_line_id  bigint         not null references transfer_order_line (id),
    lot_id                  bigint         not null references lot (id),
    from_location_id        bigint         not null references location (id),
    in_transit_location_id  bigint         not null references location (id),
    reservation_id          bigint         not null unique references stock_reservation (id),
    posting_id              bigint         not null unique references posting (id),
    shipped_quantity        numeric(19, 4) not null check (shipped_quantity > 0 and shipped_quantity = trunc(shipped_quantity)),
    -- raised by the receipt (issue 10 §3); never above what was shipped
    received_quantity       numeric(19, 4) not null default 0
        check (received_quantity >= 0 and received_quantity <= shipped_quantity),
    scanned_label           varchar(500)   not null,
    dispatched_by           varchar(100)   not null,
    dispatched_at           timestamptz    not null default clock_timestamp()
);
create index transfer_shipped_lot_order on transfer_shipped_lot (transfer_order_id);
create index transfer_shipped_lot_lot on transfer_shipped_lot (lot_id);

-- Pick tasks serve any demand (a sales order, a transfer order): the task names its demand and order number; the
-- sales order's own column stays for the sales orders' tasks (and their foreign key).
alter table pick_task
    add column demand_type     varchar(30) not null default 'SALES_ORDER',
    add column demand_order_id bigint,
    add column order_number    varchar(40);
update pick_task t set demand_order_id = t.sales_order_id,
                       order_number = (select o.order_number from sales_order o where o.id = t.sales_order_id);
alter table pick_task
    alter column demand_type drop default,
    alter column demand_order_id set not null,
    alter column order_number set not null,
    alter column sales_order_id drop not null,
    add constraint pick_task_demand check (
        demand_type in ('SALES_ORDER', 'TRANSFER_ORDER')
        and (demand_type = 'SALES_ORDER') = (sales_order_id is not null)
        and (sales_order_id is null or sales_order_id = demand_order_id));
create index pick_task_demand_order on pick_task (demand_type, demand_order_id);

-- A pick line names its demand line (a sales order line or a transfer order line); sales_order_line_id stays, set
-- for a sales order's line, with its foreign key.
alter table warehouse_move add column demand_line_id bigint;
update warehouse_move set demand_line_id = sales_order_line_id where kind = 'PICK';
alter table warehouse_move drop constraint warehouse_move_pick;
alter table warehouse_move
    add constraint warehouse_move_pick check (kind <> 'PICK' or (
        pick_task_id is not null and line_no is not null and demand_line_id is not null
        and (sales_order_line_id is null or sales_order_line_id = demand_line_id)
        and reservation_id is not null and hold_id is null and decision_record_id is null and disposition is null
        and (state = 'DONE') = (picked_quantity is not null and confirmed_by is not null and confirmed_at is not null
                                and to_location_id is not null)
        and (picked_quantity is null or (picked_quantity >= 0 and picked_quantity <= quantity
                                         and picked_quantity = trunc(picked_quantity)))
        and (state <> 'DONE' or (picked_quantity > 0) = (posting_id is not null and staged_reservation_id is not null))
        and (picked_quantity is null or picked_quantity = quantity or short_pick_reason is not null)));
