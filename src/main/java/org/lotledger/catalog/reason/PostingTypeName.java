package org.lotledger.catalog.reason;

/** The posting types a reason code may be used with; the same names as the ledger's posting types. */
public enum PostingTypeName {
    OPENING_BALANCE,
    RECEIPT,
    PUTAWAY,
    MOVE,
    REPLENISHMENT,
    STATUS_CHANGE,
    PICK,
    SHIPMENT,
    TRANSFER_OUT,
    TRANSFER_IN,
    RETURN,
    RETURN_TO_VENDOR,
    ADJUSTMENT,
    SCRAP,
    QA_SAMPLE,
    REVERSAL,
    DIRECTED_PUTAWAY_OVERRIDE
}
