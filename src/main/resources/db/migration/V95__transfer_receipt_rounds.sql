-- Late receipts (issue 10 §3/§4): a transfer whose receipt closed while stock was still in transit under it (a SHORT
-- resolved "still coming") takes further scans and a further close, one receipt round after the other. Each scan
-- belongs to the round open when it was kept (the number of closes so far + 1); a close computes the discrepancies of
-- its round's scans only, against what was still in transit when the round began, and counts one more closed round.
-- receipt_closed_by / receipt_closed_at stay the latest close; each discrepancy keeps who recorded it and when.
alter table transfer_receipt_scan
    add column receipt_round integer not null default 1,
    add constraint transfer_receipt_scan_round check (receipt_round >= 1);

alter table transfer_order
    add column receipt_rounds_closed integer not null default 0,
    add constraint transfer_order_receipt_rounds check (
        receipt_rounds_closed >= 0 and ((receipt_rounds_closed = 0) = (receipt_closed_at is null)));

-- Follow-ups of more than one posting (WRONG_LOT: the reversal, then the transfer-out of the lot sent, each by its
-- own group): each POSTED row is one step, numbered from 0 in the order posted (the rows posted before V95 are each
-- their discrepancy's step 0); a decision is 0. Still one decision, and one row per step.
alter table transfer_discrepancy_resolution add column follow_up_step integer not null default 0,
    add constraint transfer_resolution_step check (follow_up_step >= 0 and (step = 'POSTED' or follow_up_step = 0));
drop index transfer_resolution_once;
create unique index transfer_resolution_once on transfer_discrepancy_resolution (discrepancy_id, step, follow_up_step);

-- A supplementary TRANSFER_OUT (OVER the origin confirms, WRONG_LOT the lot actually sent) ships a lot row without
-- a reservation: the stock was on the origin's books where nothing reserved it for this transfer.
alter table transfer_shipped_lot alter column reservation_id drop not null,
    add column supplementary_reason varchar(40),
    add constraint transfer_shipped_lot_supplementary check ((reservation_id is null) = (supplementary_reason is not null));
