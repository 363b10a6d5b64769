package org.lotledger.fulfillment.allocation;

import java.time.LocalDate;

/** Rules' working fact: a cursor at its candidate, with what is left of the candidate for the line. */
public record Look(Cursor cursor, Candidate candidate, long left) {

    /** The line may take this candidate in this pass: its lot, and a zone the pass takes from. */
    public boolean wanted() {
        return cursor.line().wantsLot(candidate.lotId()) && cursor.pass().admits(candidate);
    }

    public boolean shortDated(LocalDate today) {
        return candidate.shortOfShelfLife(today, cursor.line().minShelfLifeDays());
    }

    /** Whether this pass is the first that looks at the candidate for the line (ALLOC-030 reports it once). */
    public boolean firstLook() {
        return cursor.pass().firstLookAt(candidate, cursor.policy());
    }

    public long wholeCases() {
        return candidate.wholeCasesOf(left, cursor.rest());
    }

    /** ALLOC-070 looks for a candidate that covers the rest alone within the window of this expiry. */
    public boolean opensFewestLotsProbe() {
        return cursor.policy().fewestLots() && candidate.expiry() != null;
    }

    public Probe probe() {
        return new Probe(
                this,
                cursor.rank() + 1,
                candidate.expiry().plusDays(cursor.policy().fefoWindowDays()));
    }
}
