package org.lotledger.ledger;

/** A dimension of every balance: the same units of a lot at the same place can be in different statuses. */
public enum StockStatus {
    /** received or returned, not yet released by quality */
    QUARANTINE,
    /** released: may be allocated, picked and shipped */
    AVAILABLE,
    /** blocked by a quality hold */
    HOLD,
    /** failed inspection, awaiting return to vendor or scrap */
    REJECTED
}
