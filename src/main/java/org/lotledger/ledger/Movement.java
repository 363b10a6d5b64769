package org.lotledger.ledger;

/**
 * Quantity of one lot going from one (location, status) to another; the ledger turns it into two legs, a
 * negative one at the source and a positive one at the target, so conservation holds by construction (and is
 * still checked by the gate and by the database).
 *
 * @param quantity in the item's base unit, whole and positive
 */
public record Movement(
        long lotId,
        long fromLocationId,
        StockStatus fromStatus,
        long toLocationId,
        StockStatus toStatus,
        long quantity) {

    public Movement reversed() {
        return new Movement(lotId, toLocationId, toStatus, fromLocationId, fromStatus, quantity);
    }

    public boolean changesLocation() {
        return fromLocationId != toLocationId;
    }
}
