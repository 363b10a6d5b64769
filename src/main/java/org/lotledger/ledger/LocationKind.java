package org.lotledger.ledger;

/**
 * Physical locations are shelves, docks and pick faces. The others are virtual, so that every posting is double
 * entry: stock comes from a supplier or an adjustment and goes to a customer, scrap or the QA sample bin.
 */
public enum LocationKind {
    PHYSICAL, SUPPLIER, CUSTOMER, ADJUSTMENT, SCRAP, QA_SAMPLE, IN_TRANSIT;

    /** Sources of stock may go negative (what a supplier delivered is minus its balance); nothing else may. */
    public boolean mayGoNegative() {
        return this == SUPPLIER || this == ADJUSTMENT;
    }
}
