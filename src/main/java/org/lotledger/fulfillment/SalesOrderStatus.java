package org.lotledger.fulfillment;

/**
 * Where an order stands, derived from its lines by {@link SalesOrderStates#ofOrder}. SHIPPED, CLOSED and CANCELLED
 * take no new lines and no cancellation.
 */
public enum SalesOrderStatus {
    OPEN,
    PARTIALLY_ALLOCATED,
    ALLOCATED,
    PICKING,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CLOSED,
    CANCELLED;

    public boolean takesChanges() {
        return this != SHIPPED && this != CLOSED && this != CANCELLED;
    }
}
