package org.lotledger.fulfillment.allocation;

/** Why part of a line could not be covered (ALLOC-090); a backorder carries a quantity per reason. */
public enum BackorderReason {
    /** nothing (more) allocatable on hand: no stock, or what there was went to earlier lines or sits outside storage */
    NONE_ON_HAND,
    EXPIRED,
    SHELF_LIFE_TOO_SHORT,
    /** under an open hold or recall, or in HOLD, QUARANTINE or REJECTED status */
    HELD_OR_QUARANTINED,
    /** AVAILABLE here, but reserved by pending reservations of other orders */
    RESERVED_FOR_OTHER_ORDERS,
    /** allocatable stock, but in another warehouse than the line ships from */
    IN_OTHER_WAREHOUSE
}
