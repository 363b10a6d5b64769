package org.lotledger.catalog.reason;

/**
 * The uses a reason code may be given for: the ledger's posting types (the same names), and decisions that are not
 * a posting of their own but need a reason all the same: putting away elsewhere than directed
 * ({@code DIRECTED_PUTAWAY_OVERRIDE}), taking another lot than the one allocated ({@code ALLOCATION_OVERRIDE}, by the
 * picker or the planner) and picking less than reserved ({@code SHORT_PICK}, the pick exception cycle counting
 * follows up).
 */
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
    RELABEL,
    REVERSAL,
    DIRECTED_PUTAWAY_OVERRIDE,
    ALLOCATION_OVERRIDE,
    SHORT_PICK
}
