package org.lotledger.ledger;

import java.util.List;
import java.util.Map;

/**
 * The quality holds' book of HOLD stock, as the ledger needs it (implemented by the quality feature, which owns the
 * book). Stock in HOLD exists only under a hold: a posting that creates or removes HOLD stock at a physical or
 * in-transit location commits only when, in the same transaction, open holds adopted what it created and holds
 * recorded what became of what it removed ({@link HeldStockGate}); and the self-audit compares the HOLD balances
 * with what the holds say they hold ({@link LedgerSelfAudit}).
 */
public interface HeldStock {

    /** A lot at a location. */
    record LotAt(long lotId, long locationId) {}

    /** HOLD stock a posting put somewhere, as open holds took it on (their movements, or staging for return). */
    Map<LotAt, Long> adoptedBy(long postingId);

    /** HOLD stock a posting took away, as holds recorded it (released, scrapped, staged for return, not found). */
    Map<LotAt, Long> givenUpBy(long postingId);

    /**
     * Quality moved HOLD stock from one location to another ({@link MovingStock}): the open holds answering for it at
     * the source, oldest first, record the move (outcome MOVED there, a movement at the target) so they keep
     * answering for it where it is now. In the posting's transaction, under the lot's lock.
     */
    void moved(
            long postingId,
            long lotId,
            long fromLocationId,
            long toLocationId,
            long quantity,
            String actor,
            String requestKey);

    /** What the holds answer for at one lot and location, and which holds those are. */
    record Attributed(long quantity, List<Long> holdIds) {}

    /** Per lot and location: the HOLD stock the holds' book attributes to holds (non-zero rows). */
    Map<LotAt, Attributed> attributed();

    /** A released or closed hold whose book still shows stock: it must answer for nothing once it has ended. */
    record EndedHold(long holdId, String state, LotAt at, long quantity) {}

    List<EndedHold> endedHoldsStillHolding();
}
