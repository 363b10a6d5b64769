-- Reservations: two-phase records beside the balances they constrain (ADR 0011). A reservation is PENDING until a
-- posting takes the stock (POSTED, with the posting and the quantity it took; the rest is released) or it is VOIDED
-- (with a reason), at most once. Per (lot, location) the pending reservations never exceed the AVAILABLE balance:
-- the gate checks it for every posting under the lots' head locks, and the statement-level triggers below re-check
-- it so that SQL written around the application is refused too.
create table stock_reservation (
    id                bigserial      primary key,
    demand_type       varchar(30)    not null,
    demand_reference  varchar(100)   not null,
    demand_line       varchar(100)   not null,
    lot_id            bigint         not null references lot (id),
    location_id       bigint         not null references location (id),
    -- in the item's base unit, whole units only
    quantity          numeric(19, 4) not null check (quantity > 0 and quantity = trunc(quantity)),
    state             varchar(10)    not null default 'PENDING' check (state in ('PENDING', 'POSTED', 'VOIDED')),
    -- why this stock: the allocation rules' ids, or a planner's explanation
    explanation       varchar(500),
    actor             varchar(100)   not null,
    idempotency_key   varchar(200)   not null unique,
    created_at        timestamptz    not null,
    -- the transition out of PENDING: who, when, and the posting that took (or voided) the stock
    posting_id        bigint         references posting (id),
    posted_quantity   numeric(19, 4),
    void_reason       varchar(20)    check (void_reason in ('CANCELLED', 'HOLD', 'EXPIRY', 'SHORT_PICK', 'OVERRIDE',
                                                            'REALLOCATED', 'SHELF_LIFE')),
    closed_by         varchar(100),
    closed_at         timestamptz,
    constraint stock_reservation_pending_is_open check ((state = 'PENDING') = (closed_at is null)),
    constraint stock_reservation_closed_by check (closed_at is null or closed_by is not null),
    constraint stock_reservation_posted check (
        (state = 'POSTED') = (posted_quantity is not null)
        and (state <> 'POSTED' or (posting_id is not null and posted_quantity > 0
                                   and posted_quantity <= quantity and posted_quantity = trunc(posted_quantity)))),
    constraint stock_reservation_voided check ((state = 'VOIDED') = (void_reason is not null))
);
-- what the gate and the triggers sum: the pending reservations of a lot at a location
create index stock_reservation_pending on stock_reservation (lot_id, location_id) where state = 'PENDING';
create index stock_reservation_demand on stock_reservation (demand_type, demand_reference, demand_line);
create index stock_reservation_posting on stock_reservation (posting_id) where posting_id is not null;

-- Every transition is an event row, written by the database from the rows the statement changed, so that no
-- writer can forget one.
create table stock_reservation_event (
    id              bigserial      primary key,
    reservation_id  bigint         not null references stock_reservation (id),
    event           varchar(10)    not null check (event in ('RESERVED', 'POSTED', 'RELEASED', 'VOIDED')),
    quantity        numeric(19, 4) not null,
    void_reason     varchar(20),
    posting_id      bigint,
    actor           varchar(100)   not null,
    recorded_at     timestamptz    not null
);
create index stock_reservation_event_reservation on stock_reservation_event (reservation_id, id);
create trigger stock_reservation_event_append_only before update or delete on stock_reservation_event
    for each row execute function ledger_refuse_change();

-- The transition is guarded: only a PENDING reservation changes, only its state and the transition's columns, and
-- once. Nothing is deleted. (A before-row trigger on reservation updates only: postings without reservations never
-- fire it.)
create function stock_reservation_guard() returns trigger language plpgsql as $$
begin
    if old.state <> 'PENDING' then
        raise exception 'RESERVATION_NOT_PENDING: reservation % is % already', old.id, old.state
            using errcode = 'P0001';
    end if;
    if new.demand_type <> old.demand_type or new.demand_reference <> old.demand_reference
            or new.demand_line <> old.demand_line or new.lot_id <> old.lot_id or new.location_id <> old.location_id
            or new.quantity <> old.quantity or new.actor <> old.actor or new.idempotency_key <> old.idempotency_key
            or new.created_at <> old.created_at or new.explanation is distinct from old.explanation then
        raise exception 'RESERVATION_IMMUTABLE: reservation % changes only its state', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger stock_reservation_transition before update on stock_reservation
    for each row execute function stock_reservation_guard();
create trigger stock_reservation_no_delete before delete on stock_reservation
    for each row execute function ledger_refuse_change();
create trigger stock_reservation_truncate before truncate on stock_reservation
    for each statement execute function ledger_refuse_change();
create trigger stock_reservation_event_truncate before truncate on stock_reservation_event
    for each statement execute function ledger_refuse_change();

-- The limit, re-checked per (lot, location) the statement touched: pending reservations never exceed the AVAILABLE
-- balance. Statement-level with transition tables, immediate (as the conservation trigger), never a deferred per-row
-- trigger (docs/performance.md).
--
-- Concurrency without the gate's head locks: a statement adding reservations locks the AVAILABLE balance rows it
-- reserves against (FOR NO KEY UPDATE) before it sums, so two reservers of one bucket queue, and a balance update
-- (which locks its row) either waits for the reserver to commit or makes the reserver wait and re-read; the
-- statement then reads what committed before it (READ COMMITTED: each query of the function takes a new snapshot).
-- The application takes the lots' head locks first, so these row locks are never contended there.
create function stock_reservation_check_limit(lots bigint[], locations bigint[]) returns void language plpgsql
    set plan_cache_mode = force_custom_plan as $$
declare
    bad record;
begin
    select k.lot_id, k.location_id, r.pending, coalesce(b.quantity, 0) as available into bad
      from (select distinct lot_id, location_id from unnest(lots, locations) as u(lot_id, location_id)) k
      cross join lateral (select coalesce(sum(r.quantity), 0) as pending from stock_reservation r
                           where r.lot_id = k.lot_id and r.location_id = k.location_id and r.state = 'PENDING') r
      left join stock_balance b on b.lot_id = k.lot_id and b.location_id = k.location_id and b.status = 'AVAILABLE'
     where r.pending > coalesce(b.quantity, 0)
     limit 1;
    if found then
        raise exception 'STOCK_RESERVED: lot % at location % has % pending reservations over % AVAILABLE',
            bad.lot_id, bad.location_id, bad.pending, bad.available using errcode = 'P0001';
    end if;
end $$;

create function stock_reservation_after_change() returns trigger language plpgsql
    set plan_cache_mode = force_custom_plan as $$
declare
    lots bigint[];
    locations bigint[];
begin
    if tg_op = 'INSERT' then
        insert into stock_reservation_event (reservation_id, event, quantity, actor, recorded_at)
        select id, 'RESERVED', quantity, actor, created_at from new_rows;
    else
        insert into stock_reservation_event (reservation_id, event, quantity, void_reason, posting_id, actor,
                                             recorded_at)
        select n.id, n.state, case when n.state = 'POSTED' then n.posted_quantity else n.quantity end, n.void_reason,
               n.posting_id, n.closed_by, n.closed_at
          from new_rows n where n.state <> 'PENDING'
        union all
        select n.id, 'RELEASED', n.quantity - n.posted_quantity, null, n.posting_id, n.closed_by, n.closed_at
          from new_rows n where n.state = 'POSTED' and n.posted_quantity < n.quantity;
    end if;
    if tg_op = 'INSERT' then
        -- lock what the new reservations reserve against, in a fixed order, then sum (see above)
        perform 1 from stock_balance b
          where (b.lot_id, b.location_id) in (select lot_id, location_id from new_rows) and b.status = 'AVAILABLE'
          order by b.lot_id, b.location_id for no key update;
        select array_agg(lot_id), array_agg(location_id) into lots, locations from new_rows;
        perform stock_reservation_check_limit(lots, locations);
    end if;
    -- an update only takes reservations out of PENDING (the guard): it never raises what is pending
    return null;
end $$;

create trigger stock_reservation_inserted after insert on stock_reservation
    referencing new table as new_rows
    for each statement execute function stock_reservation_after_change();
create trigger stock_reservation_closed after update on stock_reservation
    referencing new table as new_rows
    for each statement execute function stock_reservation_after_change();

-- A balance update (every posting's) or delete re-checks the AVAILABLE buckets it lowered, and only those, and only
-- where something is pending: one probe of the partial index per lowered bucket, nothing when none is reserved.
create function stock_balance_check_reserved() returns trigger language plpgsql
    set plan_cache_mode = force_custom_plan as $$
declare
    lots bigint[];
    locations bigint[];
begin
    if tg_op = 'UPDATE' then
        select array_agg(n.lot_id), array_agg(n.location_id) into lots, locations
          from new_rows n join old_rows o
            on o.lot_id = n.lot_id and o.location_id = n.location_id and o.status = n.status
         where n.status = 'AVAILABLE' and n.quantity < o.quantity
           and exists (select 1 from stock_reservation r
                        where r.lot_id = n.lot_id and r.location_id = n.location_id and r.state = 'PENDING');
    else
        select array_agg(o.lot_id), array_agg(o.location_id) into lots, locations
          from old_rows o
         where o.status = 'AVAILABLE'
           and exists (select 1 from stock_reservation r
                        where r.lot_id = o.lot_id and r.location_id = o.location_id and r.state = 'PENDING');
    end if;
    if lots is not null then
        perform stock_reservation_check_limit(lots, locations);
    end if;
    return null;
end $$;

create trigger stock_balance_lowered after update on stock_balance
    referencing old table as old_rows new table as new_rows
    for each statement execute function stock_balance_check_reserved();
create trigger stock_balance_deleted after delete on stock_balance
    referencing old table as old_rows
    for each statement execute function stock_balance_check_reserved();

-- The self-audit reports pending reservations above AVAILABLE (leaks) beside its other findings.
alter table ledger_audit_run add column reservation_leaks jsonb not null default '[]'::jsonb;
