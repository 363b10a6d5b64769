-- Relabelling (issue 11, section 2; ADR 0015): a child lot takes stock from its parent in place by a RELABEL posting.
-- Posting types are not constrained in the database (posting.posting_type is free text checked by the gate), so
-- nothing changes there. HOLD stock that is relabelled stays under the parent's holds: each records RELABELLED for
-- the parent's quantity and a movement of its own for the child's, both with the RELABEL posting, in its transaction.
alter table quality_hold_outcome drop constraint quality_hold_outcome_outcome_check;
alter table quality_hold_outcome add constraint quality_hold_outcome_outcome_check
    check (outcome in ('RELEASED', 'SCRAPPED', 'RETURN_TO_VENDOR', 'HANDED_OVER', 'NOT_FOUND', 'MOVED', 'RELABELLED'));

