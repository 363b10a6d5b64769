package org.lotledger.quality;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Stock of a held lot (or at a held location) that becomes releasable later — an accepted inspection — lands in
 * HOLD instead of AVAILABLE, and the oldest open hold covering it answers for it, so that releasing that hold
 * restores it like the stock it moved itself. Runs under the hold-decision lock, in the caller's transaction.
 */
@Component
public class HoldingArrivals implements org.lotledger.ledger.ArrivalHolds {

    private final OpenHolds openHolds;
    private final QualityHolds holds;

    public HoldingArrivals(OpenHolds openHolds, QualityHolds holds) {
        this.openHolds = openHolds;
        this.holds = holds;
    }

    /** The open hold the arriving stock falls under, if any; holds no decision can change until commit. */
    public Optional<Long> holdCovering(long lotId, long locationId) {
        holds.lockHoldDecisions();
        return openHolds.covering(lotId, locationId).stream().findFirst();
    }

    /**
     * For the ledger's gate: arrivals (transfer-in, return) of stock a hold covers must land in HOLD. Without the
     * hold-decision lock: the ledger holds the lot's lock here, and hold decisions take theirs in the other order.
     */
    @Override
    public Optional<Long> openHoldOver(long lotId, long locationId) {
        return openHolds.covering(lotId, locationId).stream().findFirst();
    }

    /** Records that the hold now answers for stock a posting put in HOLD. */
    public void adopt(long holdId, long lotId, long locationId, long quantity, long postingId) {
        holds.movement(holdId, lotId, locationId, quantity, postingId, null);
    }
}
