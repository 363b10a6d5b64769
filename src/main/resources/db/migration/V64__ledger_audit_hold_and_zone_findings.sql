-- The self-audit also compares HOLD balances with the quality holds' book, and lists AVAILABLE stock sitting in
-- zones that do not take AVAILABLE stock (issue 7, section 5). discrepancy_count counts both kinds of discrepancy;
-- misplaced stock is a listing, not a discrepancy.
alter table ledger_audit_run
    add column hold_discrepancies jsonb not null default '[]'::jsonb,
    add column misplaced_stock    jsonb not null default '[]'::jsonb;
