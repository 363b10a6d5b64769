package org.lotledger.fulfillment.allocation;

import java.time.LocalDate;

/**
 * Rules' working fact (ALLOC-070): looking ahead from a candidate that cannot cover the rest, within the FEFO window
 * that ends on {@code windowEnd}, for the first candidate that covers the rest alone.
 *
 * @param rank the place in the item's order looked at next
 */
public record Probe(Look from, int rank, LocalDate windowEnd) {

    public long itemId() {
        return from.cursor().itemId();
    }

    public boolean withinWindow(Candidate c) {
        return c.expiry() != null && !c.expiry().isAfter(windowEnd);
    }

    /** The candidate covers the rest alone, for this line. */
    public boolean covers(Candidate c, long left, LocalDate today) {
        DemandLine line = from.cursor().line();
        return line.wantsLot(c.lotId())
                && !c.shortOfShelfLife(today, line.minShelfLifeDays())
                && left >= from.cursor().rest();
    }

    public Probe next() {
        return new Probe(from, rank + 1, windowEnd);
    }
}
