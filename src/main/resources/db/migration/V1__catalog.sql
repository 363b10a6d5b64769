-- Master data: warehouses, zones, locations (physical and virtual), partners, items, reason codes, lots.
-- Every catalog row carries an optimistic version and is deactivated, never deleted, once referenced.

create table warehouse (
    id          bigserial primary key,
    code        varchar(20)  not null unique,
    name        varchar(200) not null,
    time_zone   varchar(64)  not null,
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table zone (
    id                          bigserial primary key,
    warehouse_id                bigint       not null references warehouse (id),
    code                        varchar(30)  not null,
    name                        varchar(200) not null,
    zone_type                   varchar(30)  not null check (zone_type in
        ('RECEIVING_DOCK', 'QUARANTINE', 'REJECT_STAGING', 'STORAGE', 'PICK_FACE', 'SHIPPING', 'RETURNS')),
    allowed_statuses            varchar(20)[] not null,
    allowed_temperature_classes varchar(20)[] not null,
    active                      boolean      not null default true,
    version                     bigint       not null default 0,
    created_at                  timestamptz  not null default now(),
    updated_at                  timestamptz  not null default now(),
    unique (warehouse_id, code)
);

create table supplier (
    id                 bigserial primary key,
    code               varchar(30)  not null unique,
    name               varchar(200) not null,
    approval_status    varchar(20)  not null check (approval_status in ('APPROVED', 'PROBATION', 'BLOCKED')),
    -- a regular expression with a named group "lot"; a scanned lot number is normalised to that group
    lot_label_pattern  varchar(200),
    lot_label_example  varchar(60),
    active             boolean      not null default true,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

create table customer (
    id                             bigserial primary key,
    code                           varchar(30)  not null unique,
    name                           varchar(200) not null,
    customer_type                  varchar(20)  not null check (customer_type in ('HOSPITAL', 'CLINIC', 'FIELD_SERVICE', 'OTHER')),
    min_remaining_shelf_life_days  integer      not null default 0 check (min_remaining_shelf_life_days >= 0),
    active                         boolean      not null default true,
    version                        bigint       not null default 0,
    created_at                     timestamptz  not null default now(),
    updated_at                     timestamptz  not null default now()
);

-- Every posting is double-entry: the outside world is a set of virtual locations.
-- Only supplier and adjustment locations may go negative (they are the sources of stock);
-- physical, in-transit, customer, scrap and QA-sample locations never do (see stock_balance).
create table location (
    id                        bigserial primary key,
    kind                      varchar(20)  not null check (kind in
        ('PHYSICAL', 'SUPPLIER', 'CUSTOMER', 'ADJUSTMENT', 'SCRAP', 'QA_SAMPLE', 'IN_TRANSIT')),
    code                      varchar(60)  not null unique,
    barcode                   varchar(60)  unique,
    name                      varchar(200) not null,
    warehouse_id              bigint references warehouse (id),
    zone_id                   bigint references zone (id),
    supplier_id               bigint references supplier (id),
    customer_id               bigint references customer (id),
    destination_warehouse_id  bigint references warehouse (id),
    capacity_base_units       numeric(19, 4) check (capacity_base_units > 0),
    may_go_negative           boolean generated always as (kind in ('SUPPLIER', 'ADJUSTMENT')) stored,
    active                    boolean      not null default true,
    version                   bigint       not null default 0,
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    unique (id, may_go_negative),
    check (kind <> 'PHYSICAL' or (warehouse_id is not null and zone_id is not null and barcode is not null)),
    check ((kind = 'SUPPLIER') = (supplier_id is not null)),
    check ((kind = 'CUSTOMER') = (customer_id is not null)),
    check ((kind = 'IN_TRANSIT') = (destination_warehouse_id is not null)),
    check (kind not in ('ADJUSTMENT', 'SCRAP', 'QA_SAMPLE', 'IN_TRANSIT') or warehouse_id is not null)
);
create unique index location_one_per_supplier on location (supplier_id) where kind = 'SUPPLIER';
create unique index location_one_per_customer on location (customer_id) where kind = 'CUSTOMER';
create unique index location_one_virtual_per_warehouse on location (warehouse_id, kind)
    where kind in ('ADJUSTMENT', 'SCRAP', 'QA_SAMPLE');
create unique index location_one_in_transit_per_pair on location (warehouse_id, destination_warehouse_id)
    where kind = 'IN_TRANSIT';

create table item (
    id                             bigserial primary key,
    sku                            varchar(40)  not null unique,
    name                           varchar(200) not null,
    base_uom                       varchar(10)  not null,
    lot_controlled                 boolean      not null,
    expiry_required                boolean      not null,
    best_before_as_expiry          boolean      not null default false,
    shelf_life_days                integer check (shelf_life_days > 0),
    min_remaining_shelf_life_days  integer      not null default 0 check (min_remaining_shelf_life_days >= 0),
    allocation_method              varchar(10)  not null check (allocation_method in ('FEFO', 'FIFO')),
    temperature_class              varchar(10)  not null check (temperature_class in ('AMBIENT', 'CHILLED', 'FROZEN')),
    item_family                    varchar(60)  not null,
    risk_class                     varchar(20)  not null,
    standard_unit_cost             numeric(19, 4) not null check (standard_unit_cost >= 0),
    currency                       char(3)      not null,
    active                         boolean      not null default true,
    version                        bigint       not null default 0,
    created_at                     timestamptz  not null default now(),
    updated_at                     timestamptz  not null default now()
);

-- Units of measure of an item, each an exact whole multiple of the base unit (the base unit itself is 1).
create table item_uom (
    item_id            bigint      not null references item (id),
    uom                varchar(10) not null,
    base_units_per_uom integer     not null check (base_units_per_uom > 0),
    primary key (item_id, uom)
);

-- One GTIN per packaging level, stored as 14 digits (GTIN-8/12/13 left-padded with zeros).
create table item_gtin (
    gtin     char(14)    primary key check (gtin ~ '^[0-9]{14}$'),
    item_id  bigint      not null,
    uom      varchar(10) not null,
    unique (item_id, uom),
    foreign key (item_id, uom) references item_uom (item_id, uom)
);

create table reason_code (
    id                 bigserial primary key,
    code               varchar(30)  not null unique,
    description        varchar(200) not null,
    posting_types      varchar(30)[] not null,
    requires_approval  boolean      not null default false,
    active             boolean      not null default true,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

-- A lot is (item, supplier, lot number): the same lot number from two suppliers is two lots.
-- Its unit cost is the actual cost fixed at first receipt (ADR 0004).
create table lot (
    id                      bigserial primary key,
    item_id                 bigint       not null references item (id),
    supplier_id             bigint       not null references supplier (id),
    lot_number              varchar(60)  not null,
    internal_label          varchar(30)  not null unique,
    manufacturer_batch_ref  varchar(60),
    manufactured_on         date,
    expires_on              date,
    best_before_on          date,
    first_received_on       date,
    unit_cost               numeric(19, 4) not null check (unit_cost >= 0),
    currency                char(3)      not null,
    version                 bigint       not null default 0,
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    unique (item_id, supplier_id, lot_number),
    check (manufactured_on is null or expires_on is null or manufactured_on < expires_on)
);
create index lot_batch_ref on lot (upper(manufacturer_batch_ref));
create index lot_lot_number on lot (upper(lot_number));

-- Genealogy: a lot split from or relabelled from another; the recall trace follows these edges.
create table lot_lineage (
    child_lot_id   bigint      not null references lot (id),
    parent_lot_id  bigint      not null references lot (id),
    relation       varchar(20) not null check (relation in ('SPLIT', 'RELABEL', 'MERGE')),
    posting_id     bigint,
    created_at     timestamptz not null default now(),
    primary key (child_lot_id, parent_lot_id),
    check (child_lot_id <> parent_lot_id)
);

-- The history of a lot's attributes: creation and every change (expiry extension, corrected typo), never silent.
create table lot_event (
    id           bigserial primary key,
    lot_id       bigint       not null references lot (id),
    event_type   varchar(30)  not null,
    changes      jsonb        not null,
    reason       varchar(500),
    actor        varchar(100) not null,
    occurred_at  timestamptz  not null default now()
);
create index lot_event_lot on lot_event (lot_id, id);

-- Who changed which catalog row, when, from what to what.
create table catalog_audit (
    id           bigserial primary key,
    entity_type  varchar(40)  not null,
    entity_id    varchar(60)  not null,
    action       varchar(20)  not null,
    changes      jsonb        not null,
    actor        varchar(100) not null,
    changed_at   timestamptz  not null default now()
);
create index catalog_audit_entity on catalog_audit (entity_type, entity_id, id);
