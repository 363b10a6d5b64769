-- Held stock quality moves to another location stays under its hold (issue 7, section 3: stock in HOLD exists only
-- under a hold): the hold records MOVED at the source and a movement of its own at the target, both with the MOVE
-- posting, in the posting's transaction.
alter table quality_hold_outcome drop constraint quality_hold_outcome_outcome_check;
alter table quality_hold_outcome add constraint quality_hold_outcome_outcome_check
    check (outcome in ('RELEASED', 'SCRAPPED', 'RETURN_TO_VENDOR', 'HANDED_OVER', 'NOT_FOUND', 'MOVED'));
