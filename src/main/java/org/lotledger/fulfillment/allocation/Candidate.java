package org.lotledger.fulfillment.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.ledger.StockStatus;

/**
 * One balance bucket that might cover demand: a lot at a location in a status, as read (without locks) from the
 * ledger with the lot's and the location's facts.
 *
 * @param onHand             the bucket's balance, in base units
 * @param reservedForOthers  what pending reservations of other orders hold of it (AVAILABLE buckets only)
 * @param expiry             the lot's expiry date, or null for a lot that does not expire
 * @param firstReceivedAt    when the lot was first received (FIFO, and FEFO's tie-breaker)
 * @param caseSize           base units per case, at least 1
 * @param openHoldOrRecall   the lot is under an open quality hold (a recall places one), wherever and in whatever
 *                           status its stock is
 */
public record Candidate(
        long lotId,
        long locationId,
        long itemId,
        long warehouseId,
        ZoneType zoneType,
        StockStatus status,
        long onHand,
        long reservedForOthers,
        LocalDate expiry,
        Instant firstReceivedAt,
        long caseSize,
        boolean openHoldOrRecall) {

    public Candidate {
        Objects.requireNonNull(zoneType, "zoneType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firstReceivedAt, "firstReceivedAt");
        if (onHand < 0 || reservedForOthers < 0 || reservedForOthers > onHand) {
            throw new IllegalArgumentException("0 <= reserved <= on hand; got " + reservedForOthers + " of " + onHand);
        }
        if (caseSize < 1) {
            throw new IllegalArgumentException("A case holds at least one unit; got " + caseSize);
        }
    }

    /** AVAILABLE minus what other orders have reserved: what this run may take. */
    public long free() {
        return onHand - reservedForOthers;
    }

    /** ALLOC-020: a lot is expired on its expiry date. */
    public boolean expiredOn(LocalDate today) {
        return expiry != null && !expiry.isAfter(today);
    }

    /** ALLOC-030: fewer days of shelf life left than the line's minimum (a lot without expiry never is). */
    public boolean shortOfShelfLife(LocalDate today, int minDays) {
        return expiry != null && ChronoUnit.DAYS.between(today, expiry) < minDays;
    }

    public boolean inStorage() {
        return zoneType == ZoneType.STORAGE;
    }

    public boolean onPickFace() {
        return zoneType == ZoneType.PICK_FACE;
    }

    /** The largest number of whole cases' units that fits both what is left here and what the line still needs. */
    public long wholeCasesOf(long left, long rest) {
        return Math.min(left, rest) / caseSize * caseSize;
    }
}
