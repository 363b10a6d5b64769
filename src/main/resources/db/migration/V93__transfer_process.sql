-- The transfer process InterWarehouseTransfer (issue 10 §4): its overdue alerts, the supervisors' decisions about
-- discrepancies and the follow-up postings that carry them out. All three append-only: a later alert, decision or
-- posting is a new row, never a change of an old one.

-- An OVERDUE_IN_TRANSIT alert: the transfer's timer fired at overdue_since and stock was still in transit. The
-- gauge lotledger.transfers.overdue counts the transfers whose latest alert is not followed by an arrival (read from
-- here and transfer_order, so every node answers the same).
create table transfer_alert (
    id                  bigserial    primary key,
    transfer_order_id   bigint       not null references transfer_order (id),
    alert_type          varchar(30)  not null check (alert_type in ('OVERDUE_IN_TRANSIT')),
    overdue_since       timestamptz  not null,
    process_instance_id varchar(64)  not null,
    raised_by           varchar(100) not null,
    raised_at           timestamptz  not null default clock_timestamp(),
    -- the chase's answer: a new deadline (the timer waits for it) and what operations learnt
    new_deadline        timestamptz,
    chased_by           varchar(100),
    chase_note          varchar(500)
);
create index transfer_alert_order on transfer_alert (transfer_order_id);

-- What a receiving supervisor decided about one discrepancy (who, when, outcome), and when its posting is made by
-- the follow-up task's user, who posted which posting.
create table transfer_discrepancy_resolution (
    id                  bigserial    primary key,
    discrepancy_id      bigint       not null references transfer_discrepancy (id),
    step                varchar(20)  not null check (step in ('DECIDED', 'POSTED')),
    outcome             varchar(40)  not null check (outcome in ('STILL_COMING', 'LOST_IN_TRANSIT', 'NEVER_LEFT',
                                                                 'ORIGIN_CONFIRMS', 'FOUND', 'WRONG_LOT_CORRECTED',
                                                                 'QUALITY_DECIDES')),
    new_deadline        timestamptz,
    note                varchar(500),
    posting_ids         bigint[]     not null default '{}',
    process_instance_id varchar(64)  not null,
    task_id             varchar(64)  not null,
    decided_by          varchar(100) not null,
    decided_at          timestamptz  not null default clock_timestamp(),
    constraint transfer_resolution_still_coming check ((outcome = 'STILL_COMING' and step = 'DECIDED') = (new_deadline is not null))
);
create index transfer_resolution_discrepancy on transfer_discrepancy_resolution (discrepancy_id);
-- one decision and at most one posting per discrepancy
create unique index transfer_resolution_once on transfer_discrepancy_resolution (discrepancy_id, step);

create function transfer_process_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger transfer_discrepancy_resolution_append_only before update or delete on transfer_discrepancy_resolution
    for each row execute function transfer_process_refuse_change();
create trigger transfer_alert_no_delete before delete on transfer_alert
    for each row execute function transfer_process_refuse_change();
