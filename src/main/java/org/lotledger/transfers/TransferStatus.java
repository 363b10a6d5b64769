package org.lotledger.transfers;

/** A transfer order's state, derived from its lines and its dispatch ({@link TransferStates}); never set by hand. */
public enum TransferStatus {
    OPEN,
    ALLOCATED,
    PICKING,
    IN_TRANSIT,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CLOSED,
    CANCELLED;

    /** Whether the order still takes allocation, picking, cancellation and dispatch: nothing has left yet. */
    public boolean beforeDispatch() {
        return this == OPEN || this == ALLOCATED || this == PICKING;
    }
}
