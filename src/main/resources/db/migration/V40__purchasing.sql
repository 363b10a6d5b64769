-- Purchase orders and advance ship notices (issue 3, section 1). Receiving (section 2) receives against the lines.
--
-- Quantities are numeric(19,4) like the ledger's; a base-unit quantity is a whole number (the ledger posts whole
-- base units). Every table has a version column for optimistic locking; receiving additionally locks a
-- purchase_order_line row (select ... for update) while it checks and raises received_base_quantity, so two clerks
-- on one line are serialised by the database, not by luck (docs/purchasing.md).

create table purchase_order (
    id             bigserial primary key,
    po_number      varchar(40)  not null,
    supplier_id    bigint       not null references supplier (id),
    currency       char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    status         varchar(20)  not null check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    note           varchar(500),
    created_by     varchar(100) not null,
    cancelled_by   varchar(100),
    cancel_reason  varchar(500),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint purchase_order_number_unique unique (po_number),
    -- target of the ASN's composite key: an ASN names the PO's own supplier
    constraint purchase_order_id_supplier unique (id, supplier_id),
    constraint purchase_order_cancel_consistent check ((status = 'CANCELLED') = (cancelled_by is not null))
);
create index purchase_order_supplier_status on purchase_order (supplier_id, status);

create table purchase_order_line (
    id                      bigserial primary key,
    purchase_order_id       bigint         not null references purchase_order (id),
    line_number             integer        not null check (line_number > 0),
    item_id                 bigint         not null references item (id),
    -- as ordered: quantity and unit as the buyer wrote them, the expected price per that unit in the PO currency
    ordered_quantity        numeric(19, 4) not null check (ordered_quantity > 0),
    ordered_uom             varchar(10)    not null,
    expected_unit_price     numeric(19, 4) not null check (expected_unit_price >= 0),
    -- what receiving compares against: whole base units of the item
    ordered_base_quantity   numeric(19, 4) not null
        check (ordered_base_quantity > 0 and ordered_base_quantity = trunc(ordered_base_quantity)),
    -- maintained by receiving under the row lock; may exceed ordered_base_quantity within the over-receipt tolerance
    received_base_quantity  numeric(19, 4) not null default 0
        check (received_base_quantity >= 0 and received_base_quantity = trunc(received_base_quantity)),
    status                  varchar(20)    not null check (status in ('OPEN', 'RECEIVED', 'CLOSED_SHORT', 'CANCELLED')),
    version                 bigint         not null default 0,
    created_at              timestamptz    not null default now(),
    updated_at              timestamptz    not null default now(),
    constraint purchase_order_line_number_unique unique (purchase_order_id, line_number),
    -- target of the ASN line's composite key: an ASN line names the PO line's own item
    constraint purchase_order_line_id_item unique (id, item_id),
    constraint purchase_order_line_cancelled_unreceived check (status <> 'CANCELLED' or received_base_quantity = 0)
);
create index purchase_order_line_item on purchase_order_line (item_id);

create table advance_ship_notice (
    id                 bigserial primary key,
    asn_number         varchar(40)  not null,
    purchase_order_id  bigint       not null,
    supplier_id        bigint       not null references supplier (id),
    shipped_on         date,
    expected_on        date,
    status             varchar(20)  not null check (status in ('OPEN', 'RECEIVED', 'CANCELLED')),
    created_by         varchar(100) not null,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    -- the supplier's own shipment number: unique per supplier, suppliers' numbering may overlap
    constraint advance_ship_notice_number_unique unique (supplier_id, asn_number),
    constraint advance_ship_notice_po_of_supplier foreign key (purchase_order_id, supplier_id)
        references purchase_order (id, supplier_id)
);
create index advance_ship_notice_po on advance_ship_notice (purchase_order_id);

-- An SSCC identifies one logistic unit (a pallet, a case). It belongs to exactly one ASN; several lines of that ASN
-- may share it (a mixed pallet with several lots), which a plain unique key on asn_line would forbid.
create table asn_sscc (
    sscc                    char(18) primary key check (sscc ~ '^[0-9]{18}$'),
    advance_ship_notice_id  bigint   not null references advance_ship_notice (id),
    constraint asn_sscc_of_notice unique (advance_ship_notice_id, sscc)
);

create table asn_line (
    id                      bigserial primary key,
    advance_ship_notice_id  bigint         not null references advance_ship_notice (id),
    line_number             integer        not null check (line_number > 0),
    purchase_order_line_id  bigint         not null,
    item_id                 bigint         not null references item (id),
    lot_number              varchar(60),
    manufacturer_batch_ref  varchar(60),
    manufactured_on         date,
    expires_on              date,
    best_before_on          date,
    quantity                numeric(19, 4) not null check (quantity > 0),
    uom                     varchar(10)    not null,
    base_quantity           numeric(19, 4) not null check (base_quantity > 0 and base_quantity = trunc(base_quantity)),
    sscc                    char(18),
    version                 bigint         not null default 0,
    created_at              timestamptz    not null default now(),
    updated_at              timestamptz    not null default now(),
    constraint asn_line_number_unique unique (advance_ship_notice_id, line_number),
    constraint asn_line_item_on_po_line foreign key (purchase_order_line_id, item_id)
        references purchase_order_line (id, item_id),
    constraint asn_line_sscc_of_notice foreign key (advance_ship_notice_id, sscc)
        references asn_sscc (advance_ship_notice_id, sscc),
    constraint asn_line_dates check (manufactured_on is null or expires_on is null or manufactured_on < expires_on)
);
create index asn_line_po_line on asn_line (purchase_order_line_id);
create index asn_line_sscc on asn_line (sscc) where sscc is not null;
