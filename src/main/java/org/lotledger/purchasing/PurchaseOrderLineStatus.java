package org.lotledger.purchasing;

/**
 * OPEN takes receipts; RECEIVED (complete), CLOSED_SHORT (the buyer accepts less) and CANCELLED (nothing received)
 * take no more.
 */
public enum PurchaseOrderLineStatus {
    OPEN,
    RECEIVED,
    CLOSED_SHORT,
    CANCELLED;

    public boolean isDone() {
        return this != OPEN;
    }
}
