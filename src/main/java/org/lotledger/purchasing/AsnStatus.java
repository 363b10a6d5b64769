package org.lotledger.purchasing;

/** OPEN while the shipment is expected; RECEIVED once receiving has booked it; CANCELLED with its purchase order. */
public enum AsnStatus {
    OPEN,
    RECEIVED,
    CANCELLED
}
