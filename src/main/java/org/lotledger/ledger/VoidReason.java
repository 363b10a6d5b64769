package org.lotledger.ledger;

/** Why a pending reservation was voided rather than posted (a column of {@code stock_reservation}). */
public enum VoidReason {
    /** The demand was cancelled (an order or a line). */
    CANCELLED,
    /** A quality hold moved the reserved stock to HOLD. */
    HOLD,
    /** The lot expired before it was picked. */
    EXPIRY,
    /** The lot fell below the demand's minimum remaining shelf life. */
    SHELF_LIFE,
    /** The picker found less than reserved: the rest of the reservation. */
    SHORT_PICK,
    /** Another lot was taken instead, with an override. */
    OVERRIDE,
    /** The allocation decided again and released this stock. */
    REALLOCATED
}
