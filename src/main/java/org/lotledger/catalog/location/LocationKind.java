package org.lotledger.catalog.location;

/** PHYSICAL locations are bins with a barcode; all others are virtual and created by the catalog itself. */
public enum LocationKind {
    PHYSICAL, SUPPLIER, CUSTOMER, ADJUSTMENT, SCRAP, QA_SAMPLE, IN_TRANSIT;

    public boolean isVirtual() {
        return this != PHYSICAL;
    }
}
