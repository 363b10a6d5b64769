-- The recall trace (issue 11 §1, ADR 0014) reads everything from the ledger and the documents that posted it; these
-- are the indexes its plans need (docs/performance.md "Trace"): the receipt lines of a lot (backward), and the
-- children of a lot in the genealogy (the scope walks lot_lineage from parent to child; the primary key leads with
-- the child and serves the walk upwards). The ledger side uses the existing bucket index
-- posting_leg_bucket_asof (lot_id, location_id, status, ...) and stock_balance's primary key (lot_id, ...).
create index receipt_line_lot on receipt_line (lot_id);
create index lot_lineage_parent on lot_lineage (parent_lot_id);
