package org.lotledger.catalog.location;

public enum ZoneType {
    RECEIVING_DOCK,
    QUARANTINE,
    REJECT_STAGING,
    STORAGE,
    PICK_FACE,
    SHIPPING,
    RETURNS
}
