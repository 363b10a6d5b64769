-- The shared lot ledger: append-only postings made of legs, and balances kept beside them.
-- See docs/architecture.md and ADRs 0001 (double entry with a status dimension) and 0005 (ordering, as-of).

-- One row per lot: the lock that orders all postings of a lot, and the lot's ledger sequence.
-- A posting locks the heads of its lots (in lot id order), so for each lot the sequence is the commit order.
create table lot_ledger_head (
    lot_id            bigint      primary key references lot (id),
    last_seq          bigint      not null default 0,
    last_recorded_at  timestamptz not null default '-infinity'
);

create function lot_create_ledger_head() returns trigger language plpgsql as $$
begin
    insert into lot_ledger_head (lot_id) values (new.id);
    return new;
end $$;
create trigger lot_ledger_head_on_insert after insert on lot
    for each row execute function lot_create_ledger_head();

create table posting (
    id                    bigserial primary key,
    posting_type          varchar(30)  not null,
    reference_type        varchar(30),
    reference_id          varchar(100),
    reason_code           varchar(30) references reason_code (code),
    actor                 varchar(100) not null,
    occurred_at           timestamptz  not null,
    recorded_at           timestamptz  not null,
    process_instance_id   varchar(64),
    idempotency_key       varchar(200) not null unique,
    request_fingerprint   char(64)     not null,
    reverses_posting_id   bigint unique references posting (id),
    note                  varchar(500)
);
create index posting_reference on posting (reference_type, reference_id);
create index posting_process on posting (process_instance_id) where process_instance_id is not null;

create table stock_balance (
    lot_id           bigint         not null references lot (id),
    location_id      bigint         not null,
    status           varchar(20)    not null check (status in ('QUARANTINE', 'AVAILABLE', 'HOLD', 'REJECTED')),
    quantity         numeric(19, 4) not null,
    may_go_negative  boolean        not null,
    last_lot_seq     bigint         not null,
    updated_at       timestamptz    not null,
    primary key (lot_id, location_id, status),
    -- the location's own flag, not a copy the application could get wrong
    foreign key (location_id, may_go_negative) references location (id, may_go_negative),
    constraint stock_balance_never_negative check (may_go_negative or quantity >= 0)
);
create index stock_balance_location on stock_balance (location_id);

create table posting_leg (
    id              bigserial primary key,
    posting_id      bigint         not null references posting (id),
    leg_no          smallint       not null,
    lot_id          bigint         not null,
    location_id     bigint         not null,
    status          varchar(20)    not null check (status in ('QUARANTINE', 'AVAILABLE', 'HOLD', 'REJECTED')),
    -- signed, in the item's base unit, whole units only
    quantity        numeric(19, 4) not null check (quantity <> 0 and quantity = trunc(quantity)),
    unit_cost       numeric(19, 4) not null check (unit_cost >= 0),
    currency        char(3)        not null,
    extended_value  numeric(19, 4) not null,
    -- position of this leg in its lot's history, and the bucket's balance right after it (ADR 0005)
    lot_seq         bigint         not null,
    balance_after   numeric(19, 4) not null,
    recorded_at     timestamptz    not null,
    unique (posting_id, leg_no),
    unique (lot_id, lot_seq),
    -- every leg belongs to a kept bucket, and the bucket to its lot and location. Referencing the bucket (which the
    -- posting has just written and locked) instead of the location row avoids every posting taking a share lock on
    -- the same hot location rows (MultiXact contention under concurrent writers, see docs/performance.md).
    foreign key (lot_id, location_id, status) references stock_balance (lot_id, location_id, status),
    check (extended_value = quantity * unit_cost)
);
-- as-of lookups: the last leg of a bucket at or before an instant is one index probe (ADR 0005)
create index posting_leg_bucket_asof on posting_leg (lot_id, location_id, status, recorded_at, lot_seq);
create index posting_leg_location on posting_leg (location_id);



-- Append-only: the database refuses to change or remove ledger rows.
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'LEDGER_APPEND_ONLY: % on % is not allowed; post a reversal instead', tg_op, tg_table_name
        using errcode = 'P0001';
end $$;

create trigger posting_append_only before update or delete on posting
    for each row execute function ledger_refuse_change();
create trigger posting_leg_append_only before update or delete on posting_leg
    for each row execute function ledger_refuse_change();
create trigger posting_truncate before truncate on posting
    for each statement execute function ledger_refuse_change();
create trigger posting_leg_truncate before truncate on posting_leg
    for each statement execute function ledger_refuse_change();
create trigger lot_event_append_only before update or delete on lot_event
    for each row execute function ledger_refuse_change();
create trigger catalog_audit_append_only before update or delete on catalog_audit
    for each row execute function ledger_refuse_change();

-- Conservation, checked by the database: the legs of a posting are inserted by one statement, at least two of
-- them, and per lot their quantities and values sum to zero. A statement-level trigger over the inserted rows does
-- this once per statement; a per-row deferred trigger querying posting_leg at commit was the bottleneck of every
-- commit under concurrent writers (docs/performance.md).
create function ledger_check_postings_balanced() returns trigger language plpgsql
    set plan_cache_mode = force_custom_plan as $$
declare
    bad record;
begin
    select posting_id, count(*) as legs into bad
      from new_legs group by posting_id having count(*) < 2 limit 1;
    if found then
        raise exception 'LEDGER_UNBALANCED: posting % has % leg(s)', bad.posting_id, bad.legs using errcode = 'P0001';
    end if;
    select posting_id, lot_id, sum(quantity) as q, sum(extended_value) as v into bad
      from new_legs group by posting_id, lot_id
    having sum(quantity) <> 0 or sum(extended_value) <> 0 limit 1;
    if found then
        raise exception 'LEDGER_UNBALANCED: posting % does not conserve lot % (quantity %, value %)',
            bad.posting_id, bad.lot_id, bad.q, bad.v using errcode = 'P0001';
    end if;
    -- one posting per statement in practice; a probe of (posting_id, leg_no) each, with the id as a value so the
    -- plan is an index scan whatever the size of the ledger
    for bad in select posting_id, count(*) as legs from new_legs group by posting_id loop
        if (select count(*) from posting_leg where posting_id = bad.posting_id) <> bad.legs then
            raise exception 'LEDGER_UNBALANCED: posting % already has legs; a posting''s legs are written at once',
                bad.posting_id using errcode = 'P0001';
        end if;
    end loop;
    return null;
end $$;

create trigger posting_leg_balanced after insert on posting_leg
    referencing new table as new_legs
    for each statement execute function ledger_check_postings_balanced();

-- Self-audit runs (scheduled and on demand): balances rebuilt from the ledger against the kept balances.
create table ledger_audit_run (
    id                bigserial primary key,
    trigger           varchar(20)  not null,
    started_at        timestamptz  not null,
    finished_at       timestamptz  not null,
    buckets_checked   bigint       not null,
    discrepancy_count integer      not null,
    discrepancies     jsonb        not null
);

-- Evidence of decisions taken in processes (inspection results, approvals: who, what, why), kept by the
-- application because Camunda's history is cleaned up after its time to live.
create table decision_record (
    id                   bigserial primary key,
    process_instance_id  varchar(64),
    activity_id          varchar(100),
    task_id              varchar(64),
    subject_type         varchar(30)  not null,
    subject_id           varchar(100) not null,
    decision             varchar(40)  not null,
    details              jsonb        not null default '{}'::jsonb,
    decided_by           varchar(100) not null,
    decided_at           timestamptz  not null default now()
);
create index decision_record_subject on decision_record (subject_type, subject_id, id);
create trigger decision_record_append_only before update or delete on decision_record
    for each row execute function ledger_refuse_change();
