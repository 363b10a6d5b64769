package org.lotledger.catalog.reason;

/**
 * The reason codes the application names in code: the codes the demo catalog creates, and the ones a service or a
 * loader passes itself (a reversal's default reason, the demo's opening balances). Other codes are master data,
 * created and retired through {@code /api/reason-codes}; a code named here must exist for its caller to post.
 */
public final class ReasonCodeNames {

    public static final String OPENING = "OPENING";
    public static final String COUNT_VARIANCE = "COUNT_VARIANCE";
    public static final String FOUND = "FOUND";
    public static final String DAMAGED = "DAMAGED";
    public static final String EXPIRED = "EXPIRED";
    public static final String SCRAP_DAMAGED = "SCRAP_DAMAGED";
    public static final String RECALLED = "RECALLED";
    public static final String TEMP_EXCURSION = "TEMP_EXCURSION";
    public static final String QA_DESTRUCTIVE_TEST = "QA_DESTRUCTIVE_TEST";
    public static final String DATA_ENTRY_ERROR = "DATA_ENTRY_ERROR";
    public static final String PUTAWAY_OVERRIDE = "PUTAWAY_OVERRIDE";
    public static final String RTV_DEFECT = "RTV_DEFECT";
    public static final String CUSTOMER_RETURN = "CUSTOMER_RETURN";

    // allocation overrides (ALLOCATION_OVERRIDE, and the PICK that takes the other lot)
    /** the customer asked for a particular lot (e.g. to keep one lot per site, or a lot it validated) */
    public static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";
    /** the reserved lot is not where it should be or cannot be reached; another lot of the same expiry is taken */
    public static final String EXPIRY_MATCH = "EXPIRY_MATCH";
    /** the reserved lot is behind or under other stock; the picker takes the lot in front */
    public static final String LOT_NOT_ACCESSIBLE = "LOT_NOT_ACCESSIBLE";
    /** the customer's pharmacy asked for a later expiry than the one allocated (needs approval) */
    public static final String LONGER_DATING_REQUESTED = "LONGER_DATING_REQUESTED";

    // short picks (SHORT_PICK): why less was found than reserved; DAMAGED above is allowed here too
    /** nothing (or less) of the lot at the location */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** the label cannot be read or does not match the lot's record */
    public static final String LABEL_UNREADABLE = "LABEL_UNREADABLE";
    /** the lot is there but expired or too short-dated on inspection at the location */
    public static final String SHORT_DATED_ON_SHELF = "SHORT_DATED_ON_SHELF";

    // inter-warehouse transfers (ADR 0013): the postings that resolve a discrepancy found at the receipt
    /** ADJUSTMENT out of the in-transit location into the destination's adjustment location: the stock is lost */
    public static final String TRANSIT_LOSS = "TRANSIT_LOSS";
    /** REVERSAL of a lot's TRANSFER_OUT when none of it left the origin (a SHORT of the whole line) */
    public static final String TRANSFER_NOT_SHIPPED = "TRANSFER_NOT_SHIPPED";
    /**
     * REVERSAL of the recorded lot's TRANSFER_OUT, and the TRANSFER_OUT of the lot actually sent (WRONG_LOT): lot
     * identity is restored by postings
     */
    public static final String WRONG_LOT_SHIPPED = "WRONG_LOT_SHIPPED";
    /** the supplementary TRANSFER_OUT of what the origin confirms it sent on top of what it recorded (OVER) */
    public static final String OVER_SHIPPED = "OVER_SHIPPED";
    /** TRANSFER_IN of damaged units into QUARANTINE (and their SCRAP, if quality scraps them) */
    public static final String DAMAGED_IN_TRANSIT = "DAMAGED_IN_TRANSIT";
    /** TRANSFER_IN into QUARANTINE of stock whose cold chain broke on the way (and its SCRAP) */
    public static final String TRANSIT_TEMP_EXCURSION = "TRANSIT_TEMP_EXCURSION";

    private ReasonCodeNames() {}
}
