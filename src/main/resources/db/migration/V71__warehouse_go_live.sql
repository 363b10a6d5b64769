-- The day a warehouse started on Lot Ledger (issue 7): a posting may be back-dated (occurred_at) to it, not before
-- it (ADR 0005). Null: not set yet; postings may then go back to 2000-01-01 (docs/api-conventions.md).
alter table warehouse add column go_live_on date;
