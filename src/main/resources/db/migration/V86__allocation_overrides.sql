-- Allocation overrides (issue 9, §5): a planner or picker asks to take another lot (or the same lot at another
-- location) than a pending sales-order reservation holds, with a catalog reason code (use ALLOCATION_OVERRIDE).
-- dmn/allocation-override-approval.dmn decides whether someone must approve (approval_group) or it applies at once.
-- The swap voids the old reservation (void reason OVERRIDE) and reserves the proposed stock; both ids are kept here.
-- Who decided is also in decision_record (subject ALLOCATION_OVERRIDE, the id), which the four-eyes check reads.

create table allocation_override (
    id                        bigserial primary key,
    sales_order_id            bigint         not null references sales_order (id),
    sales_order_line_id       bigint         not null references sales_order_line (id),
    reservation_id            bigint         not null,
    reserved_lot_id           bigint         not null references lot (id),
    reserved_location_id      bigint         not null references location (id),
    proposed_lot_id           bigint         not null references lot (id),
    proposed_location_id      bigint         not null references location (id),
    quantity                  numeric(19, 4) not null check (quantity > 0 and quantity = trunc(quantity)),
    deviation                 varchar(30)    not null check (deviation in ('LATER_EXPIRY', 'SAME_EXPIRY_OTHER_LOT',
                                                 'EARLIER_EXPIRY', 'SAME_LOT_OTHER_LOCATION', 'BELOW_CUSTOMER_MINIMUM')),
    days_short                integer        not null default 0 check (days_short >= 0),
    reason_code               varchar(40)    not null,
    note                      varchar(500),
    -- NONE (applied at once) or the candidate group of "Approve allocation override"
    approval_group            varchar(40)    not null,
    state                     varchar(20)    not null check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'APPLIED')),
    requested_by              varchar(100)   not null,
    requested_at              timestamptz    not null default clock_timestamp(),
    decided_by                varchar(100),
    decided_at                timestamptz,
    decision_comment          varchar(500),
    new_reservation_id        bigint,
    applied_at                timestamptz,
    process_instance_id       varchar(64),
    constraint allocation_override_other_stock check (
        proposed_lot_id <> reserved_lot_id or proposed_location_id <> reserved_location_id),
    -- decided once approved or rejected; applied at once (NONE) needs no decision
    constraint allocation_override_decided check (state = 'REQUESTED' or approval_group = 'NONE' or decided_at is not null),
    constraint allocation_override_applied check ((state = 'APPLIED') = (new_reservation_id is not null)),
    -- four eyes: whoever approves is not whoever asked
    constraint allocation_override_four_eyes check (decided_by is null or decided_by <> requested_by)
);
-- at most one open request per reservation
create unique index allocation_override_one_open on allocation_override (reservation_id) where state = 'REQUESTED';
create index allocation_override_order on allocation_override (sales_order_id, id);
create index allocation_override_state on allocation_override (state, id);
