-- Issue 10: quality takes over the damaged or out-of-cold-chain units of a transfer (outcome QUALITY_DECIDES).
-- A hold of scope STOCK answers for named QUARANTINE stock of one lot (lot_id; no location_id: the units may lie
-- at more than one quarantine location), which it put in HOLD itself; unlike LOT and LOCATION it covers nothing
-- else (no arrival, no other stock of the lot). The transfer records the hand-over with the hold's id.

do $$
declare c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'quality_hold'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%scope%'
    loop
        execute format('alter table quality_hold drop constraint %I', c.conname);
    end loop;
end $$;

alter table quality_hold
    add constraint quality_hold_scope check (scope in ('LOT', 'LOCATION', 'STOCK')),
    add constraint quality_hold_scope_target check (
        (scope = 'LOT' and lot_id is not null and location_id is null)
        or (scope = 'LOCATION' and location_id is not null and lot_id is null)
        or (scope = 'STOCK' and lot_id is not null and location_id is null));

alter table transfer_discrepancy_resolution drop constraint transfer_discrepancy_resolution_step_check;
alter table transfer_discrepancy_resolution
    add column hold_id bigint references quality_hold (id),
    add constraint transfer_discrepancy_resolution_step_check
        check (step in ('DECIDED', 'POSTED', 'HANDED_TO_QUALITY')),
    add constraint transfer_resolution_handed_hold check ((step = 'HANDED_TO_QUALITY') = (hold_id is not null));
