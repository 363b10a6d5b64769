package org.lotledger.fulfillment.allocation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Rules' working fact (ALLOC-060's frontier): ranks {@code from} (inclusive) to {@code to} (exclusive) of an item's
 * order were used up once the line at {@code lineRank} had ended, so the next line of the item passes over them in
 * one step instead of one step per candidate. What that line would have counted while passing over them one by one
 * is kept here: the stock other orders reserved there, and the earliest expiry (a run with a candidate too short-dated
 * for the next line is walked candidate by candidate, so ALLOC-030 still reports it).
 */
public record Spent(long itemId, int lineRank, int from, int to, long reservedForOthers, LocalDate earliestExpiry) {

    static Spent of(long itemId, int lineRank, int rank, Candidate c) {
        return new Spent(itemId, lineRank, rank, rank + 1, c.reservedForOthers(), c.expiry());
    }

    /** Whether a line may pass over the whole run at once: it takes any lot, and none in the run is short-dated. */
    public boolean admits(DemandLine line, LocalDate today) {
        return line.requestedLotId() == null
                && (earliestExpiry == null
                        || ChronoUnit.DAYS.between(today, earliestExpiry) >= line.minShelfLifeDays());
    }

    Spent extendedBy(Candidate c) {
        return new Spent(
                itemId, lineRank, from, to + 1, reservedForOthers + c.reservedForOthers(), earlier(c.expiry()));
    }

    Spent joinedWith(Spent next) {
        return new Spent(
                itemId,
                lineRank,
                from,
                next.to,
                reservedForOthers + next.reservedForOthers,
                earlier(next.earliestExpiry));
    }

    Spent asLine(int lineRank) {
        return new Spent(itemId, lineRank, from, to, reservedForOthers, earliestExpiry);
    }

    private LocalDate earlier(LocalDate other) {
        if (earliestExpiry == null) {
            return other;
        }
        return other == null || !other.isBefore(earliestExpiry) ? earliestExpiry : other;
    }
}
