package org.lotledger.ledger;

import java.util.Optional;

/**
 * Whether stock arriving at a location falls under an open quality hold (implemented by the quality feature). The
 * ledger asks it for arrivals from outside the warehouse — TRANSFER_IN and RETURN — and refuses one that does not
 * land in HOLD: held stock never comes back AVAILABLE (or QUARANTINE, releasable) through a side door.
 */
public interface ArrivalHolds {

    /** The oldest open hold covering the lot, or the location, if any. */
    Optional<Long> openHoldOver(long lotId, long locationId);
}
