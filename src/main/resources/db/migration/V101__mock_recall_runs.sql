-- Mock recalls (issue 11 §4, ADR 0018): a rehearsal of a recall through the same services as a LIVE one (the scope,
-- the trace with whereabouts and mass balance, the hold plan PlacingHold would post, the notice list), timed per step.
-- It writes this row and nothing else: no posting, hold, reservation change, recall, process instance or decision.
-- Append-only: a run is a record of what was rehearsed, when and how fast; a later run is a new row.
create table mock_recall_run (
    id                  bigserial     primary key,
    number              varchar(20)   not null unique,
    -- the scope as the request named it, in the recall table's columns (RecallScope; exactly one form)
    scope_lot_id        bigint        references lot (id),
    scope_batch_ref     varchar(60),
    scope_item_id       bigint        references item (id),
    scope_dates         varchar(12)   check (scope_dates in ('MANUFACTURED', 'RECEIVED')),
    scope_from          date,
    scope_to            date,
    scope_label         varchar(200)  not null,
    reason              varchar(500)  not null,
    recall_class        varchar(3)    not null check (recall_class in ('I', 'II', 'III')),
    note                varchar(1000),
    -- the door's key scoped to the caller (ADR 0009) and the request's fingerprint: one run per key, and a key sent
    -- again with another request is refused even after the door has forgotten it
    request_key         varchar(200)  not null unique,
    request_fingerprint varchar(64)   not null,
    started_by          varchar(100)  not null,
    started_at          timestamptz   not null default clock_timestamp(),
    -- when the rehearsal's snapshot was read (the trace's readAt, the database's clock)
    read_at             timestamptz   not null,
    -- per-step timings in milliseconds: scope, trace, hold plan, notice list, and the whole rehearsal
    scope_ms            numeric(12, 3) not null check (scope_ms >= 0),
    trace_ms            numeric(12, 3) not null check (trace_ms >= 0),
    holds_ms            numeric(12, 3) not null check (holds_ms >= 0),
    notices_ms          numeric(12, 3) not null check (notices_ms >= 0),
    total_ms            numeric(12, 3) not null check (total_ms >= 0),
    -- counts: lots in scope (matched and descendants), trace events, balances that would go to HOLD and their units,
    -- reservations that would be voided, in-transit entries and their units (they would land in HOLD), customers
    -- and notices on the notice list
    lots                int           not null check (lots > 0),
    lots_matched        int           not null check (lots_matched > 0 and lots_matched <= lots),
    events              int           not null check (events >= 0),
    balances_to_hold    int           not null check (balances_to_hold >= 0),
    quantity_to_hold    bigint        not null check (quantity_to_hold >= 0),
    reservations_voided int           not null check (reservations_voided >= 0),
    in_transit          int           not null check (in_transit >= 0),
    in_transit_quantity bigint        not null check (in_transit_quantity >= 0),
    customers           int           not null check (customers >= 0),
    notices             int           not null check (notices >= 0),
    -- whether every lot's mass balance held in the snapshot
    balanced            boolean       not null,
    -- [{lotId, depth}], the hold plan per lot [{lotId, movements: [...], reservationsVoided: [...]}] and the notice
    -- list as the run answered them
    lots_in_scope       jsonb         not null,
    hold_plan           jsonb         not null,
    notice_list         jsonb         not null,
    constraint mock_recall_run_scope_one_form check (
        (scope_lot_id is not null)::int + (scope_batch_ref is not null)::int + (scope_item_id is not null)::int = 1),
    constraint mock_recall_run_scope_dates check ((scope_item_id is not null) = (scope_dates is not null
                                                  and scope_from is not null and scope_to is not null))
);
create sequence mock_recall_run_number_seq;

create function mock_recall_run_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'MOCK_RECALL_RUN_APPEND_ONLY: % on mock_recall_run is not allowed; a run is a record', tg_op
        using errcode = 'P0001';
end $$;
create trigger mock_recall_run_append_only before update or delete on mock_recall_run
    for each row execute function mock_recall_run_refuse_change();
create trigger mock_recall_run_truncate before truncate on mock_recall_run
    for each statement execute function mock_recall_run_refuse_change();
