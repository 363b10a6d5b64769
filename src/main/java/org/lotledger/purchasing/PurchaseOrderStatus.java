package org.lotledger.purchasing;

/** OPEN until every line is RECEIVED, CLOSED_SHORT or CANCELLED (then CLOSED), or until it is cancelled. */
public enum PurchaseOrderStatus {
    OPEN,
    CLOSED,
    CANCELLED
}
