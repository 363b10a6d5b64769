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
