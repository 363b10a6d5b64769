package org.lotledger.catalog.location;

/** PHYSICAL locations are bins with a barcode; all others are virtual and created by the catalog itself. */
public enum LocationKind {
    PHYSICAL,
    SUPPLIER,
    CUSTOMER,
    ADJUSTMENT,
    SCRAP,
    QA_SAMPLE,
    IN_TRANSIT;

    public boolean isVirtual() {
        return this != PHYSICAL;
    }

    /**
     * Sources of stock may go negative (what a supplier delivered is minus its balance, so is what an adjustment
     * added); nothing else may. The same rule as the {@code location.may_go_negative}
     * column that the ledger's never-negative check follows.
     */
    public boolean mayGoNegative() {
        return this == SUPPLIER || this == ADJUSTMENT;
    }
}
