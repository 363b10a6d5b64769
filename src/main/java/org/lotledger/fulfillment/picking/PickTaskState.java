package org.lotledger.fulfillment.picking;

/** OPEN until someone claims it; DONE when no line is open; CANCELLED when every line was voided. */
public enum PickTaskState {
    OPEN,
    CLAIMED,
    DONE,
    CANCELLED
}
