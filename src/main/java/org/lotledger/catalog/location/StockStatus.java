package org.lotledger.catalog.location;

/** The stock statuses a zone may hold; the same names as the ledger's status dimension. */
public enum StockStatus {
    QUARANTINE,
    AVAILABLE,
    HOLD,
    REJECTED
}
