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
    public static final String TEMP_EXCURSION = "TEMP_EXCURSION";
    public static final String QA_DESTRUCTIVE_TEST = "QA_DESTRUCTIVE_TEST";
    public static final String DATA_ENTRY_ERROR = "DATA_ENTRY_ERROR";
    public static final String PUTAWAY_OVERRIDE = "PUTAWAY_OVERRIDE";
    public static final String RTV_DEFECT = "RTV_DEFECT";
    public static final String CUSTOMER_RETURN = "CUSTOMER_RETURN";

    private ReasonCodeNames() {}
}
