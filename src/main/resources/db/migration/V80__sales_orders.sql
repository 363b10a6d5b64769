-- Sales orders as the ERP sends them (issue 9, section 2). Allocation, picking and shipping (later sections) keep
-- the line's allocated, picked and shipped quantities; until they come those stay 0.
--
-- Quantities are numeric(19,4) like the ledger's; a base-unit quantity is a whole number. The order number is the
-- sender's own: unique per source (two ERPs may number alike). Line status and order status are derived from the
-- line quantities by fulfillment.SalesOrderStates; the checks below keep the quantities consistent whoever writes.

create table sales_order (
    id                   bigserial primary key,
    source               varchar(20)  not null check (source ~ '^[A-Z0-9_-]+$'),
    order_number         varchar(40)  not null,
    customer_id          bigint       not null references customer (id),
    warehouse_id         bigint       not null references warehouse (id),
    requested_ship_date  date         not null,
    status               varchar(20)  not null check (status in ('OPEN', 'PARTIALLY_ALLOCATED', 'ALLOCATED', 'PICKING',
                                                                  'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED')),
    note                 varchar(500),
    created_by           varchar(100) not null,
    cancelled_by         varchar(100),
    cancel_reason        varchar(500),
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint sales_order_number_unique unique (source, order_number),
    constraint sales_order_cancel_consistent check ((status = 'CANCELLED') = (cancelled_by is not null))
);
create index sales_order_customer_status on sales_order (customer_id, status);
create index sales_order_warehouse_status on sales_order (warehouse_id, status);

create table sales_order_line (
    id                           bigserial primary key,
    sales_order_id               bigint         not null references sales_order (id),
    line_number                  integer        not null check (line_number > 0),
    item_id                      bigint         not null references item (id),
    -- as ordered: quantity and unit as the ERP wrote them, the price per that unit (returns credit at this price)
    ordered_quantity             numeric(19, 4) not null check (ordered_quantity > 0),
    ordered_uom                  varchar(10)    not null,
    unit_price                   numeric(19, 4) not null check (unit_price >= 0),
    currency                     char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    -- the line's own minimum remaining shelf life at shipment; the effective one is the largest of item, customer, line
    min_remaining_shelf_life_days integer       check (min_remaining_shelf_life_days >= 0),
    requested_lot_id             bigint         references lot (id),
    -- whole base units; allocated includes what was picked, picked includes what was shipped
    ordered_base_quantity        numeric(19, 4) not null
        check (ordered_base_quantity > 0 and ordered_base_quantity = trunc(ordered_base_quantity)),
    allocated_base_quantity      numeric(19, 4) not null default 0 check (allocated_base_quantity = trunc(allocated_base_quantity)),
    picked_base_quantity         numeric(19, 4) not null default 0 check (picked_base_quantity = trunc(picked_base_quantity)),
    shipped_base_quantity        numeric(19, 4) not null default 0 check (shipped_base_quantity = trunc(shipped_base_quantity)),
    cancelled_base_quantity      numeric(19, 4) not null default 0 check (cancelled_base_quantity = trunc(cancelled_base_quantity)),
    status                       varchar(20)    not null check (status in ('OPEN', 'PARTIALLY_ALLOCATED', 'ALLOCATED',
                                                              'PICKING', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED')),
    cancelled_by                 varchar(100),
    cancel_reason                varchar(500),
    version                      bigint         not null default 0,
    created_at                   timestamptz    not null default now(),
    updated_at                   timestamptz    not null default now(),
    constraint sales_order_line_number_unique unique (sales_order_id, line_number),
    constraint sales_order_line_quantities check (
        0 <= shipped_base_quantity and shipped_base_quantity <= picked_base_quantity
        and picked_base_quantity <= allocated_base_quantity
        and 0 <= cancelled_base_quantity
        and allocated_base_quantity + cancelled_base_quantity <= ordered_base_quantity),
    -- a shipped quantity is never cancelled: a cancelled line shipped nothing
    constraint sales_order_line_cancelled_unshipped check (status <> 'CANCELLED' or shipped_base_quantity = 0)
);
create index sales_order_line_item on sales_order_line (item_id);
