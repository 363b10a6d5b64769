-- Pick tasks and pick confirmation by scan (issue 9, section 6).
--
-- 1. One table of scan-confirmed warehouse moves. quality_hold_warehouse_move (V61) required a hold; it becomes
--    warehouse_move with a kind: HOLD_SCRAP and HOLD_RTV (the hold decisions' moves, as before) and PICK (a pick
--    line: one reservation taken from storage to a shipping location). Transfers, returns and counts add their kinds.
--    Each kind names what it needs in the checks below.
alter table quality_hold_warehouse_move rename to warehouse_move;
alter sequence quality_hold_warehouse_move_id_seq rename to warehouse_move_id_seq;
alter index quality_hold_warehouse_move_pkey rename to warehouse_move_pkey;
alter index quality_hold_warehouse_move_hold rename to warehouse_move_hold;

-- the V61 checks were unnamed; they are replaced by named ones per kind
do $$
declare c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'warehouse_move'::regclass and contype = 'c' loop
        execute format('alter table warehouse_move drop constraint %I', c.conname);
    end loop;
end $$;

alter table warehouse_move add column kind varchar(20);
update warehouse_move set kind = case disposition when 'SCRAP' then 'HOLD_SCRAP' else 'HOLD_RTV' end;
alter table warehouse_move alter column kind set not null;

alter table warehouse_move
    alter column hold_id drop not null,
    alter column decision_record_id drop not null,
    alter column disposition drop not null,
    -- a pick line's staging location is the one scanned at confirmation
    alter column to_location_id drop not null;

create table pick_task (
    id             bigserial primary key,
    sales_order_id bigint       not null references sales_order (id),
    warehouse_id   bigint       not null references warehouse (id),
    name           varchar(200) not null,
    state          varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'CLAIMED', 'DONE', 'CANCELLED')),
    claimed_by     varchar(100),
    claimed_at     timestamptz,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    finished_at    timestamptz,
    constraint pick_task_claimed check (state <> 'CLAIMED' or (claimed_by is not null and claimed_at is not null)),
    constraint pick_task_finished check ((state in ('DONE', 'CANCELLED')) = (finished_at is not null))
);
create index pick_task_warehouse_state on pick_task (warehouse_id, state);
create index pick_task_order on pick_task (sales_order_id);

alter table warehouse_move
    add column pick_task_id          bigint references pick_task (id),
    add column line_no               integer,
    add column sales_order_line_id   bigint references sales_order_line (id),
    -- the reservation the pick line takes; repointed by an allocation override while the line is open
    add column reservation_id        bigint references stock_reservation (id),
    add column override_id           bigint,
    add column picked_quantity       numeric(19,4),
    -- the pending reservation at the staging location the pick made (the shipment posts it)
    add column staged_reservation_id bigint references stock_reservation (id),
    add column short_pick_reason     varchar(40);

alter table warehouse_move
    add constraint warehouse_move_kind check (kind in ('HOLD_SCRAP', 'HOLD_RTV', 'PICK')),
    add constraint warehouse_move_state check (state in ('OPEN', 'DONE', 'VOIDED')),
    add constraint warehouse_move_quantity check (quantity > 0),
    add constraint warehouse_move_hold_kinds check (kind not in ('HOLD_SCRAP', 'HOLD_RTV') or (
        hold_id is not null and decision_record_id is not null and to_location_id is not null
        and disposition = case kind when 'HOLD_SCRAP' then 'SCRAP' else 'RETURN_TO_VENDOR' end
        and state in ('OPEN', 'DONE')
        and (state = 'DONE') = (posting_id is not null and confirmed_by is not null and confirmed_at is not null)
        and (kind <> 'HOLD_SCRAP' or reason_code is not null)
        and pick_task_id is null and reservation_id is null)),
    add constraint warehouse_move_pick check (kind <> 'PICK' or (
        pick_task_id is not null and line_no is not null and sales_order_line_id is not null
        and reservation_id is not null and hold_id is null and decision_record_id is null and disposition is null
        and (state = 'DONE') = (picked_quantity is not null and confirmed_by is not null and confirmed_at is not null
                                and to_location_id is not null)
        and (picked_quantity is null or (picked_quantity >= 0 and picked_quantity <= quantity
                                         and picked_quantity = trunc(picked_quantity)))
        -- something found is posted and staged; nothing found posts nothing
        and (state <> 'DONE' or (picked_quantity > 0) = (posting_id is not null and staged_reservation_id is not null))
        and (picked_quantity is null or picked_quantity = quantity or short_pick_reason is not null)));

-- a reservation is on one pick line at most (the task is built over reservations not yet on one)
create unique index warehouse_move_pick_reservation on warehouse_move (reservation_id) where kind = 'PICK';
create unique index warehouse_move_pick_line on warehouse_move (pick_task_id, line_no) where kind = 'PICK';
create index warehouse_move_pick_task on warehouse_move (pick_task_id) where pick_task_id is not null;

-- what a short pick found, for cycle counting: where, which lot, expected and found, why, who, when
create table pick_exception (
    id                bigserial primary key,
    pick_task_id      bigint        not null references pick_task (id),
    warehouse_move_id bigint        not null unique references warehouse_move (id),
    warehouse_id      bigint        not null references warehouse (id),
    lot_id            bigint        not null references lot (id),
    location_id       bigint        not null references location (id),
    expected_quantity numeric(19,4) not null check (expected_quantity > 0),
    found_quantity    numeric(19,4) not null check (found_quantity >= 0 and found_quantity < expected_quantity),
    reason_code       varchar(40)   not null,
    reported_by       varchar(100)  not null,
    reported_at       timestamptz   not null default now()
);
create index pick_exception_warehouse on pick_exception (warehouse_id, reported_at);
