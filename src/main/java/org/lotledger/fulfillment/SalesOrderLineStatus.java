package org.lotledger.fulfillment;

/**
 * Where a line stands, derived from its quantities by {@link SalesOrderStates#ofLine}: SHIPPED and CANCELLED take
 * no more work.
 */
public enum SalesOrderLineStatus {
    OPEN,
    PARTIALLY_ALLOCATED,
    ALLOCATED,
    PICKING,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CANCELLED;

    public boolean isDone() {
        return this == SHIPPED || this == CANCELLED;
    }
}
