-- The recall's follow-up (issue 11 §3, second half): where each return was received and under which hold, the shipment
-- it is returned against, and the reconciliation quality submits for the four-eyes closure. recall_return is written
-- only by RecallReturns (empty until now, so the new columns can be not null).
alter table recall_return
    add column location_id         bigint not null references location (id),
    add column hold_id             bigint not null references quality_hold (id),
    -- the SHIPMENT (or other customer-bound) posting of the lot the return is counted against; shipment_number is its
    -- reference when it has one
    add column shipment_posting_id bigint not null references posting (id);
create index recall_return_shipment on recall_return (shipment_posting_id, lot_id);

alter table recall_acknowledgement
    alter column lot_id set not null;
create index recall_acknowledgement_latest on recall_acknowledgement (recall_id, customer_id, lot_id, id);

-- who reconciled and when (the decision itself, with the figures, is in decision_record)
alter table recall
    add column reconciled_by varchar(100),
    add column reconciled_at timestamptz;
